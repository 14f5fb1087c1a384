import { randomUUID } from 'node:crypto';
import { ACCESS_TOKEN_ALGORITHM, ACCESS_TOKEN_TYPE, MAX_ACCESS_TOKEN_TTL_SECONDS, type AccessTokenClaims, type AccessTokenSubject } from '@regu/auth';
import { SignJWT } from 'jose';
import { systemClock, type Clock } from './clock';
import type { SigningKey } from './signing-key';

export interface AccessTokenIssuerOptions {
  /** The `iss` claim. The gateway must expect the same value. */
  issuer: string;
  /** The `aud` claim. The gateway must expect the same value. */
  audience: string;
  /** Lifetime in seconds, at most 900 (15 minutes). Defaults to 900. */
  ttlSeconds?: number;
}

export interface IssuedAccessToken {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds until expiry, as OAuth 2.0 token responses give it. */
  expiresIn: number;
  expiresAt: Date;
}

/**
 * Signs access tokens with ES256 and the key's `kid`: `sub` (user id), `org`
 * (organization id), `role`, `iss`, `aud`, `iat`, `exp` and a random `jti`.
 */
export class AccessTokenIssuer {
  private readonly ttlSeconds: number;

  constructor(
    private readonly key: SigningKey,
    private readonly options: AccessTokenIssuerOptions,
    private readonly clock: Clock = systemClock,
    private readonly newId: () => string = randomUUID,
  ) {
    this.ttlSeconds = options.ttlSeconds ?? MAX_ACCESS_TOKEN_TTL_SECONDS;
    if (!Number.isInteger(this.ttlSeconds) || this.ttlSeconds < 1 || this.ttlSeconds > MAX_ACCESS_TOKEN_TTL_SECONDS) {
      throw new RangeError(`Access token ttlSeconds must be an integer from 1 to ${MAX_ACCESS_TOKEN_TTL_SECONDS}, got ${this.ttlSeconds}`);
    }
  }

  async issue(subject: AccessTokenSubject): Promise<IssuedAccessToken> {
    const issuedAtSeconds = Math.floor(this.clock().getTime() / 1000);
    const expiresAtSeconds = issuedAtSeconds + this.ttlSeconds;
    const claims: Omit<AccessTokenClaims, 'sub'> = { org: subject.organizationId, role: subject.role };

    const accessToken = await new SignJWT({ ...claims })
      .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM, kid: this.key.kid, typ: ACCESS_TOKEN_TYPE })
      .setSubject(subject.userId)
      .setIssuer(this.options.issuer)
      .setAudience(this.options.audience)
      .setIssuedAt(issuedAtSeconds)
      .setExpirationTime(expiresAtSeconds)
      .setJti(this.newId())
      .sign(this.key.privateKey);

    return { accessToken, tokenType: 'Bearer', expiresIn: this.ttlSeconds, expiresAt: new Date(expiresAtSeconds * 1000) };
  }
}
