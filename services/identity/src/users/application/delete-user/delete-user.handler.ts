import type { CommandMessage, UserIdPayload } from '@regu/contracts';
import type { RefreshTokenService } from '../../../auth/refresh-token.service';
import { deleteUser } from '../../domain/user.decide';
import type { EmailReservation } from '../email-reservation';
import type { CredentialsRepository, UserStreams } from '../ports';
import { requireActiveAdmin } from '../require-active-admin';
import { loadForCommand } from '../user-commands';

/**
 * An admin deletes a user: the user's sessions end, the password hash is deleted and
 * the email becomes free for a new user. Deleting a deleted user changes nothing.
 */
export class DeleteUserHandler {
  constructor(
    private readonly users: UserStreams,
    private readonly credentials: CredentialsRepository,
    private readonly emails: EmailReservation,
    private readonly refreshTokens: RefreshTokenService,
  ) {}

  async execute({ caller, payload, expectedVersion }: CommandMessage<UserIdPayload>): Promise<void> {
    await requireActiveAdmin(this.users, caller);
    const loaded = await loadForCommand(this.users, payload.userId, expectedVersion);

    const events = deleteUser({ caller, userId: payload.userId }, loaded.state);
    if (events.length === 0) {
      return;
    }
    await this.users.append(payload.userId, loaded.version, events, caller);

    // The user is deleted from here on; a crash before the next lines leaves a claim
    // that EmailReservation finds stale, and a hash that no login reaches.
    await this.refreshTokens.revokeAllForUser(payload.userId);
    await this.credentials.delete(payload.userId);
    if (loaded.state.status === 'active' || loaded.state.status === 'deactivated') {
      await this.emails.release(loaded.state.email, payload.userId);
    }
  }
}
