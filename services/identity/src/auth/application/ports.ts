import type { LockoutPolicy } from '../../users/domain/user.state';

/**
 * Failed logins for emails that no active user has: unknown, deleted or deactivated.
 * They are counted and locked like a user's own, so the 429 after repeated failures
 * does not reveal whether an account exists.
 */
export interface LoginAttemptsRepository {
  /** ISO 8601 end of the lock on this email, or null when it is not locked at `now`. */
  lockedUntil(email: string, now: Date): Promise<string | null>;
  /** Counts a failure; the one that reaches the policy's maximum locks the email and sets the count back to zero. */
  recordFailure(email: string, now: Date, policy: LockoutPolicy): Promise<void>;
}
