import type { CommandMessage, UserIdPayload, UserView } from '@regu/contracts';
import type { RefreshTokenService } from '../../../auth/refresh-token.service';
import { deactivateUser } from '../../domain/user.decide';
import type { UserStreams } from '../ports';
import { requireActiveAdmin } from '../require-active-admin';
import { appendAndView, loadForCommand } from '../user-commands';

/**
 * An admin deactivates a user and every refresh token of the user is revoked. Access
 * tokens already issued stay valid until they expire, at most 15 minutes later.
 */
export class DeactivateUserHandler {
  constructor(
    private readonly users: UserStreams,
    private readonly refreshTokens: RefreshTokenService,
  ) {}

  async execute({ caller, payload, expectedVersion }: CommandMessage<UserIdPayload>): Promise<UserView> {
    await requireActiveAdmin(this.users, caller);
    const loaded = await loadForCommand(this.users, payload.userId, expectedVersion);

    const events = deactivateUser({ caller, userId: payload.userId }, loaded.state);
    const view = await appendAndView(this.users, payload.userId, loaded, events, caller);

    await this.refreshTokens.revokeAllForUser(payload.userId);
    return view;
  }
}
