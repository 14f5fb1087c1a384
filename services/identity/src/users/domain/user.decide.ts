import type { CallerContext, Role, UserEvent, UserProfile } from '@regu/contracts';
import {
  CurrentPasswordIncorrectError,
  EmailAlreadyUsedError,
  OnlyAdminsManageUsersError,
  OwnAccessChangeNotAllowedError,
  PasswordChangeForbiddenError,
  UserAlreadyExistsError,
  UserDeactivatedError,
  UserLockedOutError,
  UserNotFoundError,
  UserValidationError,
} from './user.errors';
import { normalizeProfile, validateProfile, validateRole } from './user-profile';
import { isLockedOut, type ActiveUser, type DeactivatedUser, type LockoutPolicy, type UserState } from './user.state';

/** The verified caller of a command, as the gateway took it from the access token. */
export type Caller = Pick<CallerContext, 'userId' | 'organizationId' | 'role'>;

/**
 * Email uniqueness is checked by the application against the users read model, which
 * is eventually consistent: two registrations with one email in the same instant can
 * both pass.
 * TODO: reserve emails in a collection with a unique index - until then a duplicate
 * email is possible under concurrent requests.
 */
export interface EmailLookup {
  /** The id of the user of this organization who has the (normalized) email, or null. */
  userIdWithEmail: string | null;
}

export interface RegisterUser extends UserProfile, EmailLookup {
  caller: Caller;
  userId: string;
  role: Role;
}

/** Registers an organization's first admin during the bootstrap, before any caller exists. */
export interface RegisterFirstAdmin extends UserProfile, EmailLookup {
  userId: string;
  organizationId: string;
}

export interface EditUserProfile extends EmailLookup {
  caller: Caller;
  userId: string;
  changes: Partial<UserProfile>;
}

export interface ChangeUserRole {
  caller: Caller;
  userId: string;
  role: Role;
}

export interface DeactivateUser {
  caller: Caller;
  userId: string;
}

export interface ReactivateUser {
  caller: Caller;
  userId: string;
}

export interface DeleteUser {
  caller: Caller;
  userId: string;
}

/**
 * The application verifies the current password against the `credentials` collection
 * and stores the new hash there. The decider receives only the outcome.
 */
export interface ChangePassword {
  caller: Caller;
  userId: string;
  /** Whether the caller proved the current password. Only required when users change their own. */
  currentPasswordVerified: boolean;
}

export interface RecordFailedLogin {
  userId: string;
  now: Date;
  policy: LockoutPolicy;
}

export interface RecordSuccessfulLogin {
  userId: string;
  now: Date;
}

type RegisteredUser = ActiveUser | DeactivatedUser;

export function registerUser(command: RegisterUser, state: UserState): UserEvent[] {
  assertAdmin(command.caller);
  return register({ ...command, organizationId: command.caller.organizationId }, state);
}

export function registerFirstAdmin(command: RegisterFirstAdmin, state: UserState): UserEvent[] {
  return register({ ...command, role: 'admin' }, state);
}

export function editUserProfile(command: EditUserProfile, state: UserState): UserEvent[] {
  assertAdmin(command.caller);
  const user = requireRegistered(state, command.caller, command.userId);

  const changes = normalizeProfile(command.changes);
  const errors = validateProfile(changes, false);
  if (errors.length > 0) {
    throw new UserValidationError(errors);
  }

  const changedFields = (Object.keys(changes) as (keyof UserProfile)[]).filter((field) => changes[field] !== user[field]);
  if (changedFields.length === 0) {
    return [];
  }

  if (changes.email !== undefined && changedFields.includes('email')) {
    assertEmailFree(changes.email, command.userIdWithEmail, command.userId);
  }

  const oldValues: Partial<UserProfile> = {};
  const newValues: Partial<UserProfile> = {};
  for (const field of changedFields) {
    oldValues[field] = user[field];
    newValues[field] = changes[field];
  }
  return [{ type: 'UserProfileChanged', data: { userId: user.userId, old: oldValues, new: newValues } }];
}

export function changeUserRole(command: ChangeUserRole, state: UserState): UserEvent[] {
  assertAdmin(command.caller);
  const user = requireRegistered(state, command.caller, command.userId);

  const errors = validateRole(command.role);
  if (errors.length > 0) {
    throw new UserValidationError(errors);
  }
  if (user.role === command.role) {
    return [];
  }
  assertNotSelf(command.caller, user.userId);

  return [{ type: 'UserRoleChanged', data: { userId: user.userId, oldRole: user.role, newRole: command.role } }];
}

// NOTE: the gateway trusts an access token for up to 15 minutes, so two admins who
// deactivate each other within that window can leave an organization with none.
// The application should load the caller's own stream and reject a caller who is no
// longer an active admin.
export function deactivateUser(command: DeactivateUser, state: UserState): UserEvent[] {
  assertAdmin(command.caller);
  const user = requireRegistered(state, command.caller, command.userId);
  if (user.status === 'deactivated') {
    return [];
  }
  assertNotSelf(command.caller, user.userId);

  return [{ type: 'UserDeactivated', data: { userId: user.userId } }];
}

export function reactivateUser(command: ReactivateUser, state: UserState): UserEvent[] {
  assertAdmin(command.caller);
  const user = requireRegistered(state, command.caller, command.userId);
  if (user.status === 'active') {
    return [];
  }

  return [{ type: 'UserReactivated', data: { userId: user.userId } }];
}

/** Deleting a deleted user is a no-op, so a retried DELETE gets the same response as the first one. */
export function deleteUser(command: DeleteUser, state: UserState): UserEvent[] {
  assertAdmin(command.caller);
  if (state.status === 'deleted' && state.organizationId === command.caller.organizationId) {
    return [];
  }
  const user = requireRegistered(state, command.caller, command.userId);
  assertNotSelf(command.caller, user.userId);

  return [{ type: 'UserDeleted', data: { userId: user.userId } }];
}

export function changePassword(command: ChangePassword, state: UserState): UserEvent[] {
  const user = requireRegistered(state, command.caller, command.userId);
  const isOwnPassword = command.caller.userId === user.userId;
  if (!isOwnPassword && command.caller.role !== 'admin') {
    throw new PasswordChangeForbiddenError();
  }
  if (isOwnPassword && user.status === 'deactivated') {
    throw new UserDeactivatedError(user.userId);
  }
  if (isOwnPassword && !command.currentPasswordVerified) {
    throw new CurrentPasswordIncorrectError();
  }

  return [{ type: 'UserPasswordChanged', data: { userId: user.userId, changedBy: command.caller.userId } }];
}

/**
 * Counts a login with a wrong password. The attempt that reaches the policy's maximum
 * locks the user and sets the count back to zero. Attempts during a lock do not extend
 * it, so a stranger who keeps guessing cannot keep the owner out forever.
 */
export function recordFailedLogin(command: RecordFailedLogin, state: UserState): UserEvent[] {
  const user = requireRegisteredForLogin(state, command.userId);
  if (user.status === 'deactivated' || isLockedOut(user, command.now)) {
    return [];
  }

  const failedAttempts = user.login.failedAttempts + 1;
  if (failedAttempts < command.policy.maxFailedAttempts) {
    return [{ type: 'UserLoginFailed', data: { userId: user.userId, failedAttempts } }];
  }

  const lockedUntil = new Date(command.now.getTime() + command.policy.lockDurationMs).toISOString();
  return [{ type: 'UserLockedOut', data: { userId: user.userId, failedAttempts, lockedUntil } }];
}

/**
 * Accepts a login whose password the application verified. Rejects a deactivated or
 * locked user, and clears earlier failed attempts. A login with none to clear stores nothing.
 */
export function recordSuccessfulLogin(command: RecordSuccessfulLogin, state: UserState): UserEvent[] {
  const user = requireRegisteredForLogin(state, command.userId);
  if (user.status === 'deactivated') {
    throw new UserDeactivatedError(user.userId);
  }
  if (isLockedOut(user, command.now) && user.login.lockedUntil !== null) {
    throw new UserLockedOutError(user.login.lockedUntil);
  }
  if (user.login.failedAttempts === 0 && user.login.lockedUntil === null) {
    return [];
  }

  return [{ type: 'UserFailedLoginsReset', data: { userId: user.userId } }];
}

function register(command: UserProfile & EmailLookup & { userId: string; organizationId: string; role: Role }, state: UserState): UserEvent[] {
  if (state.status !== 'unregistered') {
    throw new UserAlreadyExistsError(command.userId);
  }

  const profile = normalizeProfile(command) as UserProfile;
  const errors = [...validateProfile(profile, true), ...validateRole(command.role)];
  if (errors.length > 0) {
    throw new UserValidationError(errors);
  }
  assertEmailFree(profile.email, command.userIdWithEmail, command.userId);

  return [
    {
      type: 'UserRegistered',
      data: {
        userId: command.userId,
        organizationId: command.organizationId,
        firstName: profile.firstName,
        lastName: profile.lastName,
        email: profile.email,
        phoneNumber: profile.phoneNumber,
        role: command.role,
      },
    },
  ];
}

function assertAdmin(caller: Caller): void {
  if (caller.role !== 'admin') {
    throw new OnlyAdminsManageUsersError();
  }
}

function assertNotSelf(caller: Caller, userId: string): void {
  if (caller.userId === userId) {
    throw new OwnAccessChangeNotAllowedError();
  }
}

function assertEmailFree(email: string, userIdWithEmail: string | null, userId: string): void {
  if (userIdWithEmail !== null && userIdWithEmail !== userId) {
    throw new EmailAlreadyUsedError(email);
  }
}

/** Returns the user if it exists, is not deleted and belongs to the caller's organization. */
function requireRegistered(state: UserState, caller: Caller, userId: string): RegisteredUser {
  if (state.status === 'unregistered' || state.status === 'deleted' || state.organizationId !== caller.organizationId) {
    throw new UserNotFoundError(userId);
  }
  return state;
}

function requireRegisteredForLogin(state: UserState, userId: string): RegisteredUser {
  if (state.status === 'unregistered' || state.status === 'deleted') {
    throw new UserNotFoundError(userId);
  }
  return state;
}
