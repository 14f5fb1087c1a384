import { PasswordEqualsEmailError, PasswordTooLongError, PasswordTooShortError } from './auth.errors';

export interface PasswordPolicyOptions {
  minLength: number;
  maxLength: number;
}

/**
 * 12 characters is long enough to resist offline guessing without composition rules.
 * 128 bounds the work one login request can cause in argon2.
 */
export const DEFAULT_PASSWORD_POLICY: PasswordPolicyOptions = { minLength: 12, maxLength: 128 };

/**
 * Checks a new password: its length in Unicode code points after NFKC normalization
 * (the form the hasher stores), and that it is not the user's email, ignoring case and
 * surrounding spaces. There are no rules on character classes, because such rules push
 * users to predictable patterns. Length does the work instead.
 */
export class PasswordPolicy {
  constructor(private readonly options: PasswordPolicyOptions = DEFAULT_PASSWORD_POLICY) {
    if (options.minLength < 1 || options.maxLength < options.minLength) {
      throw new RangeError(`Invalid password policy: minLength ${options.minLength}, maxLength ${options.maxLength}`);
    }
  }

  /** Throws PasswordTooShortError, PasswordTooLongError or PasswordEqualsEmailError, all with status 400. */
  assertAcceptable(password: string, email: string): void {
    const length = [...password.normalize('NFKC')].length;
    if (length < this.options.minLength) {
      throw new PasswordTooShortError(this.options.minLength);
    }
    if (length > this.options.maxLength) {
      throw new PasswordTooLongError(this.options.maxLength);
    }
    if (password.trim().toLowerCase() === email.trim().toLowerCase()) {
      throw new PasswordEqualsEmailError();
    }
  }
}
