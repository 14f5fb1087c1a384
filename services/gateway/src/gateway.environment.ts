import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsString, IsUrl, Max, Min } from 'class-validator';

/** Environment variables of the gateway; every one has a local-mode default. */
export class GatewayEnvironment {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  GATEWAY_PORT = 3000;

  @IsString()
  @IsNotEmpty()
  IDENTITY_HOST = '127.0.0.1';

  @Type(() => Number)
  @IsInt()
  IDENTITY_TCP_PORT = 4001;

  @IsString()
  @IsNotEmpty()
  DIVISIONS_HOST = '127.0.0.1';

  @Type(() => Number)
  @IsInt()
  DIVISIONS_TCP_PORT = 4002;

  @IsString()
  @IsNotEmpty()
  WHATSAPP_HOST = '127.0.0.1';

  @Type(() => Number)
  @IsInt()
  WHATSAPP_TCP_PORT = 4003;

  /** Where identity publishes its public keys (JWKS); the gateway picks the key by `kid`. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  IDENTITY_JWKS_URL = 'http://127.0.0.1:3001/.well-known/jwks.json';

  @IsString()
  @IsNotEmpty()
  JWT_ISSUER = 'regu-identity';

  @IsString()
  @IsNotEmpty()
  JWT_AUDIENCE = 'regu-api';

  /** How long the gateway waits for a service to answer, in milliseconds. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  SERVICE_TIMEOUT_MS = 10_000;

  /** Requests per minute one client address may make before it gets 429. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE = 600;

  /** Requests per minute one client address may make to the login and refresh routes. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT_PER_MINUTE = 30;

  @IsIn(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'])
  LOG_LEVEL = 'info';
}
