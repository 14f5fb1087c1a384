import { Body, Controller, HttpCode, HttpStatus, Inject, Post, Req } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { Request } from 'express';
import { IDENTITY_PATTERNS, type TokenPair } from '@regu/contracts';
import { loadEnvironment } from '@regu/service-kit';
import { ANONYMOUS_CALLER } from '../auth/anonymous-caller';
import { Public } from '../auth/access-policy.decorators';
import { GatewayEnvironment } from '../gateway.environment';
import { ApiProblems } from '../http/api-problems.decorator';
import { CORRELATION_ID_HEADER } from '../http/correlation-id.middleware';
import type { ServiceClient } from '../service-clients/service-client';
import { IDENTITY_SERVICE } from '../service-clients/service-clients.module';
import { LoginBody, RefreshTokenBody, TokenPairResponse } from './auth-routes.dto';

let loginRateLimit: number | undefined;

/** LOGIN_RATE_LIMIT_PER_MINUTE, read once; the decorator needs it before the module exists. */
function loginLimitPerMinute(): number {
  loginRateLimit ??= loadEnvironment(GatewayEnvironment).LOGIN_RATE_LIMIT_PER_MINUTE;
  return loginRateLimit;
}

const STRICT_THROTTLE = { default: { limit: loginLimitPerMinute, ttl: 60_000 } };

/** Login, refresh and logout. Public, with a stricter rate limit per client address than the rest of the API. */
@ApiTags('auth')
@Public()
@Controller('auth')
export class AuthRoutesController {
  constructor(@Inject(IDENTITY_SERVICE) private readonly identity: ServiceClient) {}

  @Post('login')
  @HttpCode(HttpStatus.OK)
  @Throttle(STRICT_THROTTLE)
  @ApiOperation({
    summary: 'Log in with email and password',
    description:
      'Returns an access token and a refresh token. An unknown email, a wrong password and a deactivated user all get 401 INVALID_CREDENTIALS. ' +
      'The 10th failure in a row on one email locks it for 15 minutes: logins then get 429 USER_LOCKED_OUT, whether or not the account exists.',
  })
  @ApiOkResponse({ type: TokenPairResponse })
  @ApiProblems(400)
  login(@Body() body: LoginBody, @Req() request: Request): Promise<TokenPair> {
    return this.identity.send(IDENTITY_PATTERNS.login, anonymousCaller(request), { email: body.email, password: body.password });
  }

  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @Throttle(STRICT_THROTTLE)
  @ApiOperation({
    summary: 'Exchange a refresh token for a new pair',
    description: 'Each refresh token works once. Presenting a used one again ends every session that came from the same login (401 REFRESH_TOKEN_REUSED).',
  })
  @ApiOkResponse({ type: TokenPairResponse })
  @ApiProblems(400)
  refresh(@Body() body: RefreshTokenBody, @Req() request: Request): Promise<TokenPair> {
    return this.identity.send(IDENTITY_PATTERNS.refresh, anonymousCaller(request), { refreshToken: body.refreshToken });
  }

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Throttle(STRICT_THROTTLE)
  @ApiOperation({ summary: 'End the session of a refresh token', description: 'Idempotent: an unknown or already revoked token also gets 204.' })
  @ApiNoContentResponse()
  @ApiProblems(400)
  async logout(@Body() body: RefreshTokenBody, @Req() request: Request): Promise<void> {
    await this.identity.send(IDENTITY_PATTERNS.logout, anonymousCaller(request), { refreshToken: body.refreshToken });
  }
}

function anonymousCaller(request: Request) {
  return { ...ANONYMOUS_CALLER, correlationId: String(request.headers[CORRELATION_ID_HEADER] ?? '') };
}
