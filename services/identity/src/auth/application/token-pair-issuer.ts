import type { TokenPair } from '@regu/contracts';
import type { AccessTokenIssuer } from '../access-token-issuer';
import type { RefreshTokenService } from '../refresh-token.service';
import type { ActiveUser } from '../../users/domain/user.state';

/** Issues an access token and a refresh token, for a login or after a refresh token rotated. */
export class TokenPairIssuer {
  constructor(
    private readonly accessTokens: AccessTokenIssuer,
    private readonly refreshTokens: RefreshTokenService,
  ) {}

  async issue(user: ActiveUser, refreshToken?: { refreshToken: string; expiresAt: Date }): Promise<TokenPair> {
    const access = await this.accessTokens.issue({ userId: user.userId, organizationId: user.organizationId, role: user.role });
    const refresh = refreshToken ?? (await this.refreshTokens.issue({ userId: user.userId, organizationId: user.organizationId }));
    return {
      accessToken: access.accessToken,
      tokenType: access.tokenType,
      expiresIn: access.expiresIn,
      refreshToken: refresh.refreshToken,
      refreshTokenExpiresAt: refresh.expiresAt.toISOString(),
    };
  }
}
