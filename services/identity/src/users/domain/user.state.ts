import type { Role, UserProfile } from '@regu/contracts';

/** Consecutive failed logins and the lock they caused. */
export interface LoginAttempts {
  failedAttempts: number;
  /** ISO 8601, or null when the user was never locked since the last reset. May be in the past. */
  lockedUntil: string | null;
}

export interface RegisteredUserFields extends UserProfile {
  userId: string;
  organizationId: string;
  role: Role;
  login: LoginAttempts;
}

export interface UnregisteredUser {
  status: 'unregistered';
}

export interface ActiveUser extends RegisteredUserFields {
  status: 'active';
}

export interface DeactivatedUser extends RegisteredUserFields {
  status: 'deactivated';
}

/** A deleted user keeps only its ids: the profile is gone and the email may be reused. */
export interface DeletedUser {
  status: 'deleted';
  userId: string;
  organizationId: string;
}

export type UserState = UnregisteredUser | ActiveUser | DeactivatedUser | DeletedUser;

export const INITIAL_USER_STATE: UserState = { status: 'unregistered' };

/** When and for how long repeated failed logins lock a user. */
export interface LockoutPolicy {
  /** The failed attempt that reaches this count locks the user. */
  maxFailedAttempts: number;
  lockDurationMs: number;
}

export const DEFAULT_LOCKOUT_POLICY: LockoutPolicy = {
  maxFailedAttempts: 10,
  lockDurationMs: 15 * 60 * 1000,
};

/** Returns true while a lock from repeated failed logins is in force at `now`. */
export function isLockedOut(state: UserState, now: Date): boolean {
  if (state.status !== 'active' && state.status !== 'deactivated') {
    return false;
  }
  const lockedUntil = state.login.lockedUntil;
  return lockedUntil !== null && Date.parse(lockedUntil) > now.getTime();
}
