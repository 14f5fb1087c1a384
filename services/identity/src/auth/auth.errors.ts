import { DomainError } from '@regu/contracts';

/** Codes of the login, password and refresh token errors. Each has messages in `IDENTITY_MESSAGES`. */
export const AUTH_ERROR_CODES = {
  invalidCredentials: 'INVALID_CREDENTIALS',
  passwordTooShort: 'PASSWORD_TOO_SHORT',
  passwordTooLong: 'PASSWORD_TOO_LONG',
  passwordEqualsEmail: 'PASSWORD_EQUALS_EMAIL',
  refreshTokenInvalid: 'REFRESH_TOKEN_INVALID',
  refreshTokenReused: 'REFRESH_TOKEN_REUSED',
} as const;

/**
 * The login failed. The same error covers an unknown email, a wrong password and a
 * deactivated user, so the response does not reveal whether an email is registered.
 */
export class InvalidCredentialsError extends DomainError {
  constructor() {
    super(AUTH_ERROR_CODES.invalidCredentials, 401, 'The email or password is incorrect.');
  }
}

export class PasswordTooShortError extends DomainError {
  constructor(minLength: number) {
    const message = `The password must be at least ${minLength} characters long.`;
    super(AUTH_ERROR_CODES.passwordTooShort, 400, message, { minLength }, [{ field: 'password', code: AUTH_ERROR_CODES.passwordTooShort, message }]);
  }
}

export class PasswordTooLongError extends DomainError {
  constructor(maxLength: number) {
    const message = `The password must be at most ${maxLength} characters long.`;
    super(AUTH_ERROR_CODES.passwordTooLong, 400, message, { maxLength }, [{ field: 'password', code: AUTH_ERROR_CODES.passwordTooLong, message }]);
  }
}

export class PasswordEqualsEmailError extends DomainError {
  constructor() {
    const message = 'The password must not be the same as the email; choose another password.';
    super(AUTH_ERROR_CODES.passwordEqualsEmail, 400, message, {}, [{ field: 'password', code: AUTH_ERROR_CODES.passwordEqualsEmail, message }]);
  }
}

/** The refresh token is unknown, expired or revoked. */
export class RefreshTokenInvalidError extends DomainError {
  constructor() {
    super(AUTH_ERROR_CODES.refreshTokenInvalid, 401, 'The refresh token is invalid, expired or revoked; log in again.');
  }
}

/**
 * A refresh token that was already exchanged came back. Either the client or someone who
 * stole it has a newer one, so the whole family has been revoked.
 */
export class RefreshTokenReusedError extends DomainError {
  constructor() {
    super(AUTH_ERROR_CODES.refreshTokenReused, 401, 'The refresh token was already used, so every session that came from it was ended; log in again.');
  }
}
