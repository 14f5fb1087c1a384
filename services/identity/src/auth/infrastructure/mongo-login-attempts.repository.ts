import type { Collection, Db } from 'mongodb';
import type { LockoutPolicy } from '../../users/domain/user.state';
import type { LoginAttemptsRepository } from '../application/ports';

interface LoginAttemptsDocument {
  /** The normalized email. */
  _id: string;
  failedAttempts: number;
  lockedUntil: Date | null;
  updatedAt: Date;
}

/** The `login_attempts` collection: failed logins on emails that no active user has. */
export class MongoLoginAttemptsRepository implements LoginAttemptsRepository {
  private readonly collection: Collection<LoginAttemptsDocument>;

  constructor(db: Db) {
    this.collection = db.collection<LoginAttemptsDocument>('login_attempts');
  }

  async lockedUntil(email: string, now: Date): Promise<string | null> {
    const document = await this.collection.findOne({ _id: email });
    const lockedUntil = document?.lockedUntil ?? null;
    return lockedUntil !== null && lockedUntil.getTime() > now.getTime() ? lockedUntil.toISOString() : null;
  }

  // TODO: delete documents whose lock ended long ago - FerretDB 1.x has no TTL index, so guesses on many emails grow the collection.
  async recordFailure(email: string, now: Date, policy: LockoutPolicy): Promise<void> {
    await this.collection.updateOne(
      { _id: email },
      { $inc: { failedAttempts: 1 }, $set: { updatedAt: now }, $setOnInsert: { lockedUntil: null } },
      { upsert: true },
    );
    // Only the update that still sees the count at or above the maximum locks, so two racing failures lock once.
    await this.collection.updateOne(
      { _id: email, failedAttempts: { $gte: policy.maxFailedAttempts } },
      { $set: { failedAttempts: 0, lockedUntil: new Date(now.getTime() + policy.lockDurationMs), updatedAt: now } },
    );
  }
}
