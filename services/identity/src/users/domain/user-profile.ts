import { isRole, type FieldError, type UserProfile } from '@regu/contracts';
import { USER_FIELD_ERROR_CODES } from './user.errors';

export const MAX_NAME_LENGTH = 100;

/** The usual address length limits: 254 characters in all, and 64 before the `@`. */
const MAX_EMAIL_LENGTH = 254;
const MAX_EMAIL_LOCAL_PART_LENGTH = 64;

/**
 * A pragmatic address check: no spaces, one `@`, and a domain with at least one dot.
 * Full RFC 5322 syntax (quoted local parts, IP literals) is rejected on purpose.
 */
const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/**
 * E.164: `+`, a country code that does not start with 0, and at most 15 digits in all.
 * E.164 sets no minimum, so 7 digits is a floor that rejects obvious typos such as `+62`.
 */
const E164_PATTERN = /^\+[1-9]\d{6,14}$/;

/** Spaces, hyphens, dots and brackets that people type inside phone numbers. */
const PHONE_NUMBER_SEPARATORS = /[\s\-.()]/g;

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** Lowercases and trims an email, so that one address is one login whatever its case. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Removes the separators people type (`+62 812-3456-7890`) and keeps `+` and digits. */
export function normalizePhoneNumber(phoneNumber: string): string {
  return phoneNumber.replace(PHONE_NUMBER_SEPARATORS, '');
}

/** Returns the profile with every present field normalized. Absent fields stay absent. */
export function normalizeProfile(profile: Partial<UserProfile>): Partial<UserProfile> {
  const normalized: Partial<UserProfile> = {};
  if (profile.firstName !== undefined) normalized.firstName = profile.firstName.trim();
  if (profile.lastName !== undefined) normalized.lastName = profile.lastName.trim();
  if (profile.email !== undefined) normalized.email = normalizeEmail(profile.email);
  if (profile.phoneNumber !== undefined) normalized.phoneNumber = normalizePhoneNumber(profile.phoneNumber);
  return normalized;
}

export function isValidEmail(email: string): boolean {
  const localPart = email.split('@')[0] ?? '';
  return email.length <= MAX_EMAIL_LENGTH && localPart.length <= MAX_EMAIL_LOCAL_PART_LENGTH && EMAIL_PATTERN.test(email);
}

export function isValidPhoneNumber(phoneNumber: string): boolean {
  return E164_PATTERN.test(phoneNumber);
}

/**
 * Checks the fields present in a normalized profile. With `requireAll`, a missing or
 * empty field is reported as `field is required`, as on registration.
 */
export function validateProfile(profile: Partial<UserProfile>, requireAll: boolean): FieldError[] {
  return [
    ...validateName('firstName', profile.firstName, requireAll),
    ...validateName('lastName', profile.lastName, requireAll),
    ...validateField('email', profile.email, requireAll, isValidEmail, USER_FIELD_ERROR_CODES.invalidEmail, 'must be a valid email address'),
    ...validateField(
      'phoneNumber',
      profile.phoneNumber,
      requireAll,
      isValidPhoneNumber,
      USER_FIELD_ERROR_CODES.invalidPhoneNumber,
      'must be an E.164 phone number such as +6281234567890',
    ),
  ];
}

export function validateRole(role: unknown): FieldError[] {
  if (role === undefined || role === null || role === '') {
    return [requiredError('role')];
  }
  if (!isRole(role)) {
    return [{ field: 'role', code: USER_FIELD_ERROR_CODES.invalidRole, message: 'must be one of admin, supervisor, agent' }];
  }
  return [];
}

function validateName(field: string, name: string | undefined, requireAll: boolean): FieldError[] {
  return validateField(field, name, requireAll, isValidName, USER_FIELD_ERROR_CODES.invalidName, `must be 1 to ${MAX_NAME_LENGTH} characters without control characters`);
}

function isValidName(name: string): boolean {
  return name.length <= MAX_NAME_LENGTH && !CONTROL_CHARACTERS.test(name);
}

function validateField(
  field: string,
  value: string | undefined,
  requireAll: boolean,
  isValid: (value: string) => boolean,
  code: string,
  message: string,
): FieldError[] {
  if (value === undefined || value === '') {
    return value === '' || requireAll ? [requiredError(field)] : [];
  }
  return isValid(value) ? [] : [{ field, code, message }];
}

function requiredError(field: string): FieldError {
  return { field, code: USER_FIELD_ERROR_CODES.required, message: 'field is required' };
}
