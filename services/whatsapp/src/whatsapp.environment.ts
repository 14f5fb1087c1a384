import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, Max, Min } from 'class-validator';
import { ServiceEnvironment } from '@regu/service-kit';

/** The simulator's default app secret (tools/whatsapp-simulator), so `npm start` works with no environment set. */
export const DEVELOPMENT_APP_SECRET = 'simulator-app-secret';
export const DEVELOPMENT_WEBHOOK_VERIFY_TOKEN = 'regu-development-verify-token';

/** Environment variables of the whatsapp service; every one has a local-mode default. */
export class WhatsAppEnvironment extends ServiceEnvironment {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  WHATSAPP_HTTP_PORT = 3003;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  WHATSAPP_TCP_PORT = 4003;

  /** The service's own database; a second stack on the same server needs another name. */
  @IsString()
  @IsNotEmpty()
  WHATSAPP_DATABASE_NAME = 'regu_whatsapp';

  /** Prefix of the projections' Kafka consumer groups; a second stack on the same broker needs another. */
  @IsString()
  @IsNotEmpty()
  WHATSAPP_CONSUMER_GROUP_PREFIX = 'whatsapp';

  /** `production` makes a missing encryption key, app secret or verify token a start-up error. */
  @IsIn(['development', 'test', 'production'])
  NODE_ENV = 'development';

  /** Graph API base URL: `https://graph.facebook.com` in production, the simulator locally. */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  WHATSAPP_API_BASE_URL = 'http://127.0.0.1:3900';

  @Matches(/^v[0-9]+\.[0-9]+$/)
  WHATSAPP_API_VERSION = 'v23.0';

  /** Timeout of one Graph API attempt, in milliseconds. */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  WHATSAPP_API_TIMEOUT_MS = 10_000;

  /** Retries of a Graph API call after a network error, a timeout or HTTP 5xx. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10)
  WHATSAPP_API_MAX_RETRIES = 3;

  /** Templates per Graph API page (`limit`) when a sync lists the account's templates. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  WHATSAPP_TEMPLATE_SYNC_PAGE_SIZE = 100;

  /** The Meta app secret that signs webhooks (`X-Hub-Signature-256`). */
  @IsString()
  @IsNotEmpty()
  WHATSAPP_APP_SECRET = DEVELOPMENT_APP_SECRET;

  /** The verify token entered in the Meta app's webhook settings, returned by the hub.challenge check. */
  @IsString()
  @IsNotEmpty()
  WHATSAPP_WEBHOOK_VERIFY_TOKEN = DEVELOPMENT_WEBHOOK_VERIFY_TOKEN;

  /**
   * Base64 of 32 random bytes: the AES-256-GCM key of the stored access tokens. Without it,
   * development generates one and keeps it in the service's database.
   */
  @IsOptional()
  @IsString()
  WHATSAPP_TOKEN_ENCRYPTION_KEY = '';
}

/** Returns what production lacks: secrets left at their development defaults. Empty outside production. */
export function productionSecretProblems(environment: WhatsAppEnvironment): string[] {
  if (environment.NODE_ENV !== 'production') {
    return [];
  }

  const problems: string[] = [];
  if (environment.WHATSAPP_TOKEN_ENCRYPTION_KEY === '') {
    problems.push('WHATSAPP_TOKEN_ENCRYPTION_KEY is missing; set it to base64 of 32 random bytes (openssl rand -base64 32)');
  }
  if (environment.WHATSAPP_APP_SECRET === DEVELOPMENT_APP_SECRET) {
    problems.push('WHATSAPP_APP_SECRET is the simulator default; set it to the Meta app secret');
  }
  if (environment.WHATSAPP_WEBHOOK_VERIFY_TOKEN === DEVELOPMENT_WEBHOOK_VERIFY_TOKEN) {
    problems.push('WHATSAPP_WEBHOOK_VERIFY_TOKEN is the development default; set the verify token of the Meta app webhook');
  }
  return problems;
}
