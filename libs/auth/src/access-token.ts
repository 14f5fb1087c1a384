import type { Role } from '@regu/contracts';

/**
 * The only signing algorithm identity uses and the gateway accepts: ECDSA with P-256
 * and SHA-256. Pinning it rejects `alg: none` and HMAC tokens forged with the public key.
 */
export const ACCESS_TOKEN_ALGORITHM = 'ES256';

/** The `typ` header of an access token (RFC 9068), so no other JWT can pass for one. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';

/** Access tokens live at most 15 minutes, so a revoked user keeps access no longer than that. */
export const MAX_ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

/** The claims identity puts into an access token besides `iss`, `aud`, `iat`, `exp` and `jti`. */
export interface AccessTokenClaims {
  /** The user id. */
  sub: string;
  /** The organization id. Every service takes the caller's organization from here only. */
  org: string;
  role: Role;
}

/** The user an access token is issued to, and the caller it proves once verified. */
export interface AccessTokenSubject {
  userId: string;
  organizationId: string;
  role: Role;
}
