import { DomainError } from '@regu/contracts';

/** Codes of the 401 responses for a missing or invalid access token. Each has messages in `IDENTITY_MESSAGES`. */
export const ACCESS_TOKEN_ERROR_CODES = {
  missing: 'ACCESS_TOKEN_MISSING',
  expired: 'ACCESS_TOKEN_EXPIRED',
  invalid: 'ACCESS_TOKEN_INVALID',
} as const;

export class AccessTokenMissingError extends DomainError {
  constructor() {
    super(ACCESS_TOKEN_ERROR_CODES.missing, 401, 'The request has no bearer access token; log in and send it in the Authorization header.');
  }
}

export class AccessTokenExpiredError extends DomainError {
  constructor() {
    super(ACCESS_TOKEN_ERROR_CODES.expired, 401, 'The access token has expired; get a new one with the refresh token.');
  }
}

/**
 * The token's signature, algorithm, type, issuer, audience or claims are wrong. The
 * response does not say which check failed. `reason` is for the server's debug log only.
 */
export class AccessTokenInvalidError extends DomainError {
  constructor(readonly reason: string) {
    super(ACCESS_TOKEN_ERROR_CODES.invalid, 401, 'The access token is invalid; log in again.');
  }
}
