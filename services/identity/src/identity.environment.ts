import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ServiceEnvironment } from '@regu/service-kit';

/** Environment variables of the identity service; every one has a local-mode default. */
export class IdentityEnvironment extends ServiceEnvironment {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  IDENTITY_HTTP_PORT = 3001;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  IDENTITY_TCP_PORT = 4001;

  /** The service's own database; a second stack on the same server needs another name. */
  @IsString()
  @IsNotEmpty()
  IDENTITY_DATABASE_NAME = 'regu_identity';

  /** Prefix of the projections' Kafka consumer groups; a second stack on the same broker needs another. */
  @IsString()
  @IsNotEmpty()
  IDENTITY_CONSUMER_GROUP_PREFIX = 'identity';

  /** `production` makes a missing IDENTITY_JWT_PRIVATE_KEY(_FILE) a start-up error. */
  @IsIn(['development', 'test', 'production'])
  NODE_ENV = 'development';

  /** The `iss` of access tokens; the gateway's JWT_ISSUER must be the same. */
  @IsString()
  @IsNotEmpty()
  JWT_ISSUER = 'regu-identity';

  /** The `aud` of access tokens; the gateway's JWT_AUDIENCE must be the same. */
  @IsString()
  @IsNotEmpty()
  JWT_AUDIENCE = 'regu-api';

  /** A PEM EC P-256 private key. Without it (or the _FILE variant) development keys are stored in MongoDB. */
  @IsOptional()
  @IsString()
  IDENTITY_JWT_PRIVATE_KEY = '';

  @IsOptional()
  @IsString()
  IDENTITY_JWT_PRIVATE_KEY_FILE = '';

  @IsOptional()
  @IsString()
  IDENTITY_JWT_KEY_ID = '';

  /** Access token lifetime in seconds, at most 900. */
  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(900)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  /** Refresh token lifetime in seconds; each rotation starts a new lifetime. */
  @Type(() => Number)
  @IsInt()
  @Min(300)
  REFRESH_TOKEN_TTL_SECONDS = 14 * 24 * 60 * 60;

  @IsString()
  @MinLength(1)
  @MaxLength(100)
  BOOTSTRAP_ORGANIZATION_NAME = 'Regu Demo';

  @IsEmail()
  BOOTSTRAP_ADMIN_EMAIL = 'admin@regu.local';

  /** Used only when the first admin is created; changing it later changes nothing. */
  @IsString()
  @MinLength(12)
  BOOTSTRAP_ADMIN_PASSWORD = 'Regu-admin-2026!';
}
