import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { type CommandMessage, IDENTITY_PATTERNS, type LoginPayload, type RefreshPayload, type TokenPair } from '@regu/contracts';
import { LoginHandler } from '../application/login/login.handler';
import { LogoutHandler } from '../application/logout/logout.handler';
import { RefreshHandler } from '../application/refresh/refresh.handler';

/** The login, refresh and logout commands the gateway sends over TCP. */
@Controller()
export class AuthController {
  constructor(
    private readonly login: LoginHandler,
    private readonly refresh: RefreshHandler,
    private readonly logout: LogoutHandler,
  ) {}

  @MessagePattern(IDENTITY_PATTERNS.login)
  logIn(@Payload() message: CommandMessage<LoginPayload>): Promise<TokenPair> {
    return this.login.execute(message);
  }

  @MessagePattern(IDENTITY_PATTERNS.refresh)
  refreshTokens(@Payload() message: CommandMessage<RefreshPayload>): Promise<TokenPair> {
    return this.refresh.execute(message);
  }

  /** Returns `{}` because a TCP reply cannot be empty. */
  @MessagePattern(IDENTITY_PATTERNS.logout)
  async logOut(@Payload() message: CommandMessage<RefreshPayload>): Promise<Record<string, never>> {
    await this.logout.execute(message);
    return {};
  }
}
