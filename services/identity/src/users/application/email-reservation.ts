import type { Clock } from '../../auth/clock';
import { EmailAlreadyUsedError } from '../domain/user.errors';
import type { EmailClaimsRepository, UserStreams } from './ports';

/**
 * A claim younger than this may belong to a registration that has not appended its event
 * yet, so it is never taken over. The gateway gives up on a command after 10 seconds.
 */
export const ABANDONED_CLAIM_AGE_MS = 60_000;

/**
 * Reserves normalized emails for users without transactions: the claim is written first,
 * then the user's event. A claim left behind by a crash between the two, or by a deleted
 * user or an email change, is found stale by reading the holder's stream and taken over.
 */
export class EmailReservation {
  constructor(
    private readonly claims: EmailClaimsRepository,
    private readonly users: UserStreams,
    private readonly clock: Clock,
  ) {}

  /** Throws EmailAlreadyUsedError when another live user holds the email. Reserving one's own email again is a no-op. */
  async reserve(email: string, userId: string, organizationId: string): Promise<void> {
    const wanted = { email, userId, organizationId, claimedAt: this.clock() };
    const holder = await this.claims.claim(wanted);
    if (holder.userId === userId) {
      return;
    }

    if (await this.stillHolds(holder.userId, email, holder.claimedAt)) {
      throw new EmailAlreadyUsedError(email);
    }
    if (!(await this.claims.takeOver(holder.userId, wanted))) {
      // Someone else took the stale claim over between our read and our write.
      throw new EmailAlreadyUsedError(email);
    }
  }

  async release(email: string, userId: string): Promise<void> {
    await this.claims.release(email, userId);
  }

  private async stillHolds(userId: string, email: string, claimedAt: Date): Promise<boolean> {
    const { state } = await this.users.load(userId);
    if (state.status === 'active' || state.status === 'deactivated') {
      return state.email === email;
    }
    if (state.status === 'deleted') {
      return false;
    }
    return this.clock().getTime() - claimedAt.getTime() < ABANDONED_CLAIM_AGE_MS;
  }
}
