import { PasswordEqualsEmailError, PasswordTooLongError, PasswordTooShortError } from './auth.errors';
import { PasswordPolicy } from './password-policy';

const policy = new PasswordPolicy();
const email = 'siti.rahayu@example.co.id';

function rejection(password: string, forEmail = email): unknown {
  try {
    policy.assertAcceptable(password, forEmail);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('PasswordPolicy', () => {
  it('accepts 12 and 128 characters', () => {
    expect(rejection('a'.repeat(12))).toBeUndefined();
    expect(rejection('a'.repeat(128))).toBeUndefined();
  });

  it('rejects 11 characters', () => {
    const error = rejection('a'.repeat(11));

    expect(error).toBeInstanceOf(PasswordTooShortError);
    expect((error as PasswordTooShortError).status).toBe(400);
    expect((error as PasswordTooShortError).params).toEqual({ minLength: 12 });
    expect((error as PasswordTooShortError).errors).toEqual([
      { field: 'password', code: 'PASSWORD_TOO_SHORT', message: 'The password must be at least 12 characters long.' },
    ]);
  });

  it('rejects 129 characters', () => {
    const error = rejection('a'.repeat(129));

    expect(error).toBeInstanceOf(PasswordTooLongError);
    expect((error as PasswordTooLongError).params).toEqual({ maxLength: 128 });
  });

  it('counts code points, not UTF-16 units', () => {
    expect(rejection('🔑'.repeat(11))).toBeInstanceOf(PasswordTooShortError);
    expect(rejection('🔑'.repeat(12))).toBeUndefined();
  });

  it('rejects the email in any case', () => {
    expect(rejection(' Siti.Rahayu@Example.co.id')).toBeInstanceOf(PasswordEqualsEmailError);
  });

  it('accepts a password that contains the email with more', () => {
    expect(rejection(`${email}!`)).toBeUndefined();
  });

  it('rejects a policy whose maximum is below its minimum', () => {
    expect(() => new PasswordPolicy({ minLength: 12, maxLength: 8 })).toThrow(RangeError);
  });
});
