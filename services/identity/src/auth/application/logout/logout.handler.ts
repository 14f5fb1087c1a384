import type { CommandMessage, RefreshPayload } from '@regu/contracts';
import type { RefreshTokenService } from '../../refresh-token.service';

/** Ends the session of a refresh token and every token rotated from it. An unknown token is ignored, so logout can be retried. */
export class LogoutHandler {
  constructor(private readonly refreshTokens: RefreshTokenService) {}

  async execute({ payload }: CommandMessage<RefreshPayload>): Promise<void> {
    await this.refreshTokens.revoke(String(payload.refreshToken ?? ''));
  }
}
