import type { NewEvent } from '../envelope';
import type { Role } from '../roles';

/**
 * Events of the user aggregate, published on `identity.user.events` with the user id as
 * the message key. None of them carries a password, a password hash or a token. The
 * identity service keeps credentials in its own `credentials` collection, outside the
 * event store, so the outbox relay never reads them.
 */
export const USER_EVENT_TYPES = {
  registered: 'UserRegistered',
  profileChanged: 'UserProfileChanged',
  roleChanged: 'UserRoleChanged',
  deactivated: 'UserDeactivated',
  reactivated: 'UserReactivated',
  deleted: 'UserDeleted',
  passwordChanged: 'UserPasswordChanged',
  loginFailed: 'UserLoginFailed',
  lockedOut: 'UserLockedOut',
  failedLoginsReset: 'UserFailedLoginsReset',
} as const;

export type UserEventType = (typeof USER_EVENT_TYPES)[keyof typeof USER_EVENT_TYPES];

/** The fields of a user that an admin edits. `email` is the login, lowercase and trimmed. */
export interface UserProfile {
  firstName: string;
  lastName: string;
  email: string;
  /** E.164, for example `+6281234567890`. */
  phoneNumber: string;
}

export interface UserRegisteredData extends UserProfile {
  userId: string;
  organizationId: string;
  role: Role;
}

/** Only the fields that changed appear, in both `old` and `new`. */
export interface UserProfileChangedData {
  userId: string;
  old: Partial<UserProfile>;
  new: Partial<UserProfile>;
}

export interface UserRoleChangedData {
  userId: string;
  oldRole: Role;
  newRole: Role;
}

export interface UserDeactivatedData {
  userId: string;
}

export interface UserReactivatedData {
  userId: string;
}

/** The user is gone from every list, and their email may be registered again. */
export interface UserDeletedData {
  userId: string;
}

/** Records that the password changed and who changed it. The hash stays in `credentials`. */
export interface UserPasswordChangedData {
  userId: string;
  changedBy: string;
}

export interface UserLoginFailedData {
  userId: string;
  /** Failed attempts in a row, this one included. */
  failedAttempts: number;
}

export interface UserLockedOutData {
  userId: string;
  failedAttempts: number;
  /** ISO 8601. Logins are rejected until this instant, even with the right password. */
  lockedUntil: string;
}

/** A successful login after failed attempts sets the count back to zero. */
export interface UserFailedLoginsResetData {
  userId: string;
}

export type UserRegistered = NewEvent<'UserRegistered', UserRegisteredData>;
export type UserProfileChanged = NewEvent<'UserProfileChanged', UserProfileChangedData>;
export type UserRoleChanged = NewEvent<'UserRoleChanged', UserRoleChangedData>;
export type UserDeactivated = NewEvent<'UserDeactivated', UserDeactivatedData>;
export type UserReactivated = NewEvent<'UserReactivated', UserReactivatedData>;
export type UserDeleted = NewEvent<'UserDeleted', UserDeletedData>;
export type UserPasswordChanged = NewEvent<'UserPasswordChanged', UserPasswordChangedData>;
export type UserLoginFailed = NewEvent<'UserLoginFailed', UserLoginFailedData>;
export type UserLockedOut = NewEvent<'UserLockedOut', UserLockedOutData>;
export type UserFailedLoginsReset = NewEvent<'UserFailedLoginsReset', UserFailedLoginsResetData>;

export type UserEvent =
  | UserRegistered
  | UserProfileChanged
  | UserRoleChanged
  | UserDeactivated
  | UserReactivated
  | UserDeleted
  | UserPasswordChanged
  | UserLoginFailed
  | UserLockedOut
  | UserFailedLoginsReset;
