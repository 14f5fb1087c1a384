import { isValidEmail, isValidPhoneNumber, normalizeEmail, normalizePhoneNumber, validateProfile } from './user-profile';

describe('normalizeEmail', () => {
  it('trims and lowercases', () => {
    expect(normalizeEmail('  Siti.Rahayu@Example.CO.ID\t')).toBe('siti.rahayu@example.co.id');
  });
});

describe('isValidEmail', () => {
  it.each(['siti@example.co.id', 'a.b+tag@sub.example.com', `${'a'.repeat(64)}@example.com`])('accepts %s', (email) => {
    expect(isValidEmail(email)).toBe(true);
  });

  it.each(['siti', 'siti@', '@example.com', 'siti@example', 'si ti@example.com', 'a@b@example.com', `${'a'.repeat(65)}@example.com`, `a@${'b'.repeat(250)}.com`])(
    'rejects %s',
    (email) => {
      expect(isValidEmail(email)).toBe(false);
    },
  );
});

describe('normalizePhoneNumber', () => {
  it('removes spaces, hyphens, dots and brackets', () => {
    expect(normalizePhoneNumber('+62 (812) 3456-78.90')).toBe('+6281234567890');
  });
});

describe('isValidPhoneNumber', () => {
  it.each(['+6281234567890', '+14155552671', '+6831234567', `+1${'2'.repeat(14)}`])('accepts %s', (phoneNumber) => {
    expect(isValidPhoneNumber(phoneNumber)).toBe(true);
  });

  it.each(['081234567890', '+0812345678', '+62', `+1${'2'.repeat(15)}`, '+62812abc7890'])('rejects %s', (phoneNumber) => {
    expect(isValidPhoneNumber(phoneNumber)).toBe(false);
  });
});

describe('validateProfile', () => {
  it('requires every field on registration', () => {
    expect(validateProfile({}, true).map((error) => [error.field, error.code])).toEqual([
      ['firstName', 'FIELD_REQUIRED'],
      ['lastName', 'FIELD_REQUIRED'],
      ['email', 'FIELD_REQUIRED'],
      ['phoneNumber', 'FIELD_REQUIRED'],
    ]);
  });

  it('accepts a partial change', () => {
    expect(validateProfile({ firstName: 'Ayu' }, false)).toEqual([]);
  });

  it('rejects a name with a control character', () => {
    expect(validateProfile({ firstName: 'Ayu\u0000' }, false)).toEqual([
      { field: 'firstName', code: 'INVALID_NAME', message: 'must be 1 to 100 characters without control characters' },
    ]);
  });
});
