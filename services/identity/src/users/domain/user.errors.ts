import { DomainError, type FieldError } from '@regu/contracts';

/**
 * Errors of the user aggregate. Each code is the key of its English and Indonesian
 * message in `IDENTITY_MESSAGES`. The gateway responds with the status given here.
 */
export const USER_ERROR_CODES = {
  userNotFound: 'USER_NOT_FOUND',
  userAlreadyExists: 'USER_ALREADY_EXISTS',
  emailAlreadyUsed: 'EMAIL_ALREADY_USED',
  onlyAdminsManageUsers: 'ONLY_ADMINS_MANAGE_USERS',
  ownAccessChangeNotAllowed: 'OWN_ACCESS_CHANGE_NOT_ALLOWED',
  userDeactivated: 'USER_DEACTIVATED',
  userLockedOut: 'USER_LOCKED_OUT',
  passwordChangeForbidden: 'PASSWORD_CHANGE_FORBIDDEN',
  currentPasswordIncorrect: 'CURRENT_PASSWORD_INCORRECT',
  validationFailed: 'VALIDATION_FAILED',
} as const;

/** Codes of the per-field errors listed under `errors` of a VALIDATION_FAILED response. */
export const USER_FIELD_ERROR_CODES = {
  required: 'FIELD_REQUIRED',
  invalidEmail: 'INVALID_EMAIL',
  invalidPhoneNumber: 'INVALID_PHONE_NUMBER',
  invalidName: 'INVALID_NAME',
  invalidRole: 'INVALID_ROLE',
} as const;

/**
 * The user does not exist, was deleted, or belongs to another organization. The three
 * cases share one response so that an id from another organization reveals nothing.
 */
export class UserNotFoundError extends DomainError {
  constructor(userId: string) {
    super(USER_ERROR_CODES.userNotFound, 404, `User ${userId} was not found.`, { userId });
  }
}

export class UserAlreadyExistsError extends DomainError {
  constructor(userId: string) {
    super(USER_ERROR_CODES.userAlreadyExists, 409, `User ${userId} already exists.`, { userId });
  }
}

export class EmailAlreadyUsedError extends DomainError {
  constructor(email: string) {
    super(USER_ERROR_CODES.emailAlreadyUsed, 409, `The email ${email} is already used by another user; choose another email.`, { email });
  }
}

export class OnlyAdminsManageUsersError extends DomainError {
  constructor() {
    super(USER_ERROR_CODES.onlyAdminsManageUsers, 403, 'Only an admin can register, edit, change the role of, deactivate, reactivate or delete users.');
  }
}

/**
 * An admin cannot deactivate, delete or change the role of their own account. Because
 * only an active admin can do these things, and never to themselves, the organization
 * always keeps at least the admin who acted.
 */
export class OwnAccessChangeNotAllowedError extends DomainError {
  constructor() {
    super(
      USER_ERROR_CODES.ownAccessChangeNotAllowed,
      409,
      'You cannot deactivate, delete or change the role of your own account; ask another admin.',
    );
  }
}

export class UserDeactivatedError extends DomainError {
  constructor(userId: string) {
    super(USER_ERROR_CODES.userDeactivated, 409, `User ${userId} is deactivated; reactivate the user first.`, { userId });
  }
}

/** Logins are rejected until `lockedUntil`, even with the right password. */
export class UserLockedOutError extends DomainError {
  constructor(readonly lockedUntil: string) {
    super(USER_ERROR_CODES.userLockedOut, 429, `Too many failed logins; try again after ${lockedUntil}.`, { lockedUntil });
  }
}

export class PasswordChangeForbiddenError extends DomainError {
  constructor() {
    super(USER_ERROR_CODES.passwordChangeForbidden, 403, "Only the user or an admin can change a user's password.");
  }
}

export class CurrentPasswordIncorrectError extends DomainError {
  constructor() {
    super(USER_ERROR_CODES.currentPasswordIncorrect, 400, 'The current password is incorrect.', {}, [
      { field: 'currentPassword', code: USER_ERROR_CODES.currentPasswordIncorrect, message: 'The current password is incorrect.' },
    ]);
  }
}

/** One or more fields are missing or invalid. `errors` lists each one. */
export class UserValidationError extends DomainError {
  constructor(errors: FieldError[]) {
    super(USER_ERROR_CODES.validationFailed, 400, `Invalid fields: ${errors.map((error) => error.field).join(', ')}.`, {}, errors);
  }
}
