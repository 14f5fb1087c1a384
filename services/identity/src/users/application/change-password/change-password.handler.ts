import type { ChangePasswordPayload, CommandMessage } from '@regu/contracts';
import type { Clock } from '../../../auth/clock';
import type { PasswordHasher } from '../../../auth/password-hasher';
import type { PasswordPolicy } from '../../../auth/password-policy';
import type { RefreshTokenService } from '../../../auth/refresh-token.service';
import { changePassword } from '../../domain/user.decide';
import type { CredentialsRepository, UserStreams } from '../ports';
import { requireActiveAdmin } from '../require-active-admin';
import { loadForCommand } from '../user-commands';
import { requireUserOf } from '../user-view';

/**
 * Users change their own password with the current one; an admin sets another user's
 * password without it. Either way every refresh token of the user is revoked, so other
 * sessions end within the access token lifetime.
 */
export class ChangePasswordHandler {
  constructor(
    private readonly users: UserStreams,
    private readonly credentials: CredentialsRepository,
    private readonly hasher: PasswordHasher,
    private readonly policy: PasswordPolicy,
    private readonly refreshTokens: RefreshTokenService,
    private readonly clock: Clock,
  ) {}

  async execute({ caller, payload, expectedVersion }: CommandMessage<ChangePasswordPayload>): Promise<void> {
    const isOwnPassword = caller.userId === payload.userId;
    if (!isOwnPassword) {
      await requireActiveAdmin(this.users, caller);
    }
    const loaded = await loadForCommand(this.users, payload.userId, expectedVersion);
    const user = requireUserOf(loaded.state, caller.organizationId, payload.userId);

    const currentPasswordVerified = isOwnPassword && (await this.verifyCurrentPassword(payload.userId, payload.currentPassword));
    const events = changePassword({ caller, userId: payload.userId, currentPasswordVerified }, loaded.state);
    this.policy.assertAcceptable(payload.newPassword, user.email);

    const passwordHash = await this.hasher.hash(payload.newPassword);
    await this.credentials.save({ userId: user.userId, organizationId: user.organizationId, passwordHash, updatedAt: this.clock() });
    await this.users.append(payload.userId, loaded.version, events, caller);
    await this.refreshTokens.revokeAllForUser(payload.userId);
  }

  private async verifyCurrentPassword(userId: string, currentPassword: string | undefined): Promise<boolean> {
    const credentials = await this.credentials.find(userId);
    if (credentials === null || currentPassword === undefined) {
      return false;
    }
    return this.hasher.verify(credentials.passwordHash, currentPassword);
  }
}
