import { isRole } from '@regu/contracts';
import { createLocalJWKSet, errors as joseErrors, jwtVerify, type JSONWebKeySet, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { ACCESS_TOKEN_ALGORITHM, ACCESS_TOKEN_TYPE, MAX_ACCESS_TOKEN_TTL_SECONDS, type AccessTokenSubject } from './access-token';
import { AccessTokenExpiredError, AccessTokenInvalidError, AccessTokenMissingError } from './access-token.errors';

export interface AccessTokenVerifierOptions {
  /** The `iss` identity writes into its tokens. */
  issuer: string;
  /** The `aud` identity writes into its tokens. */
  audience: string;
  /**
   * Identity's public keys: a JWKS document, or a key resolver such as jose's
   * `createRemoteJWKSet(new URL(...))`, which picks the key by the token's `kid`.
   */
  keys: JSONWebKeySet | JWTVerifyGetKey;
  /** Allowed clock difference between identity and the verifier, in seconds. Defaults to 5. */
  clockToleranceSeconds?: number;
  clock?: () => Date;
}

const DEFAULT_CLOCK_TOLERANCE_SECONDS = 5;

/**
 * Verifies identity's access tokens: an ES256 signature by one of identity's keys, the
 * `at+jwt` type, issuer, audience, expiry, an issue time at most 15 minutes ago, and the
 * `sub`, `org` and `role` claims.
 */
export class AccessTokenVerifier {
  private readonly getKey: JWTVerifyGetKey;
  private readonly clock: () => Date;
  private readonly clockToleranceSeconds: number;

  constructor(private readonly options: AccessTokenVerifierOptions) {
    this.getKey = typeof options.keys === 'function' ? options.keys : createLocalJWKSet(options.keys);
    this.clock = options.clock ?? (() => new Date());
    this.clockToleranceSeconds = options.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS;
  }

  /**
   * Returns the caller the token proves. Throws AccessTokenMissingError,
   * AccessTokenExpiredError (also for a token issued more than 15 minutes ago) or
   * AccessTokenInvalidError, all with status 401.
   */
  async verify(token: string | undefined | null): Promise<AccessTokenSubject> {
    if (token === undefined || token === null || token.trim() === '') {
      throw new AccessTokenMissingError();
    }

    const payload = await this.verifySignatureAndClaims(token);

    return toAccessTokenSubject(payload);
  }

  private async verifySignatureAndClaims(token: string): Promise<JWTPayload> {
    try {
      const { payload } = await jwtVerify(token, this.getKey, {
        algorithms: [ACCESS_TOKEN_ALGORITHM],
        typ: ACCESS_TOKEN_TYPE,
        issuer: this.options.issuer,
        audience: this.options.audience,
        requiredClaims: ['exp', 'iat', 'sub'],
        maxTokenAge: MAX_ACCESS_TOKEN_TTL_SECONDS,
        clockTolerance: this.clockToleranceSeconds,
        currentDate: this.clock(),
      });
      return payload;
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) {
        throw new AccessTokenExpiredError();
      }
      if (error instanceof joseErrors.JOSEError) {
        throw new AccessTokenInvalidError(error.code);
      }
      throw error;
    }
  }
}

/** Returns the token from an `Authorization: Bearer <token>` header, or undefined when there is none. */
export function extractBearerToken(authorizationHeader: string | undefined | null): string | undefined {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorizationHeader ?? '');
  return match?.[1];
}

function toAccessTokenSubject(payload: JWTPayload): AccessTokenSubject {
  const { sub, org, role } = payload;
  if (typeof sub !== 'string' || sub === '') {
    throw new AccessTokenInvalidError('sub claim missing');
  }
  if (typeof org !== 'string' || org === '') {
    throw new AccessTokenInvalidError('org claim missing');
  }
  if (!isRole(role)) {
    throw new AccessTokenInvalidError('role claim invalid');
  }
  return { userId: sub, organizationId: org, role };
}
