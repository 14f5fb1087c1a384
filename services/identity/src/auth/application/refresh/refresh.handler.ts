import type { CommandMessage, RefreshPayload, TokenPair } from '@regu/contracts';
import type { UserStreams } from '../../../users/application/ports';
import { RefreshTokenInvalidError } from '../../auth.errors';
import type { RefreshTokenService } from '../../refresh-token.service';
import type { TokenPairIssuer } from '../token-pair-issuer';

/**
 * Exchanges a refresh token for a new pair. The access token carries the user's role
 * as it is now; a user who is no longer active gets REFRESH_TOKEN_INVALID and loses
 * every other refresh token too.
 */
export class RefreshHandler {
  constructor(
    private readonly users: UserStreams,
    private readonly refreshTokens: RefreshTokenService,
    private readonly tokens: TokenPairIssuer,
  ) {}

  async execute({ payload }: CommandMessage<RefreshPayload>): Promise<TokenPair> {
    const rotated = await this.refreshTokens.rotate(String(payload.refreshToken ?? ''));

    const { state } = await this.users.load(rotated.userId);
    if (state.status !== 'active' || state.organizationId !== rotated.organizationId) {
      await this.refreshTokens.revokeAllForUser(rotated.userId);
      throw new RefreshTokenInvalidError();
    }

    return this.tokens.issue(state, rotated);
  }
}
