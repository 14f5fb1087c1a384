import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { RefreshTokenInvalidError, RefreshTokenReusedError } from './auth.errors';
import { systemClock, type Clock } from './clock';
import type { RefreshTokenRecord, RefreshTokenRepository } from './refresh-token.repository';

export interface RefreshTokenOptions {
  /** Lifetime of each token in seconds. Defaults to 14 days. */
  ttlSeconds: number;
}

export const DEFAULT_REFRESH_TOKEN_OPTIONS: RefreshTokenOptions = { ttlSeconds: 14 * 24 * 60 * 60 };

/** The bytes of randomness in a refresh token: 256 bits, beyond guessing. */
const TOKEN_BYTES = 32;

export interface RefreshTokenOwner {
  userId: string;
  organizationId: string;
}

export interface IssuedRefreshToken extends RefreshTokenOwner {
  /** The opaque token for the client: 32 random bytes in base64url. */
  refreshToken: string;
  familyId: string;
  expiresAt: Date;
}

/**
 * Issues opaque refresh tokens and rotates them on every use. Presenting a token that
 * was already rotated means two parties hold the family, so the whole family is revoked.
 */
export class RefreshTokenService {
  constructor(
    private readonly repository: RefreshTokenRepository,
    private readonly clock: Clock = systemClock,
    private readonly options: RefreshTokenOptions = DEFAULT_REFRESH_TOKEN_OPTIONS,
    private readonly newId: () => string = randomUUID,
  ) {}

  /** Starts a new family, after a login with a password. */
  async issue(owner: RefreshTokenOwner): Promise<IssuedRefreshToken> {
    return this.issueInFamily(owner, this.newId());
  }

  /**
   * Exchanges a refresh token for a new one of the same family. Throws
   * RefreshTokenInvalidError for an unknown, expired or revoked token, and
   * RefreshTokenReusedError, after revoking the family, for one already exchanged.
   */
  async rotate(refreshToken: string): Promise<IssuedRefreshToken> {
    const now = this.clock();
    const record = await this.repository.findByHash(hashRefreshToken(refreshToken));
    if (record === null || record.revokedAt !== null || record.expiresAt.getTime() <= now.getTime()) {
      throw new RefreshTokenInvalidError();
    }

    const rotated = record.rotatedAt === null && (await this.repository.markRotated(record.tokenHash, now));
    if (!rotated) {
      await this.repository.revokeFamily(record.familyId, now);
      throw new RefreshTokenReusedError();
    }

    return this.issueInFamily(record, record.familyId);
  }

  /** Ends the family of the token, for logout. An unknown token is ignored, so logout can be retried. */
  async revoke(refreshToken: string): Promise<void> {
    const record = await this.repository.findByHash(hashRefreshToken(refreshToken));
    if (record === null) {
      return;
    }
    await this.repository.revokeFamily(record.familyId, this.clock());
  }

  /** Ends every session of the user, after a password change, deactivation or deletion. */
  async revokeAllForUser(userId: string): Promise<void> {
    await this.repository.revokeAllForUser(userId, this.clock());
  }

  private async issueInFamily(owner: RefreshTokenOwner, familyId: string): Promise<IssuedRefreshToken> {
    const refreshToken = randomBytes(TOKEN_BYTES).toString('base64url');
    const issuedAt = this.clock();
    const expiresAt = new Date(issuedAt.getTime() + this.options.ttlSeconds * 1000);
    const record: RefreshTokenRecord = {
      tokenHash: hashRefreshToken(refreshToken),
      familyId,
      userId: owner.userId,
      organizationId: owner.organizationId,
      issuedAt,
      expiresAt,
      rotatedAt: null,
      revokedAt: null,
    };

    await this.repository.insert(record);

    return { refreshToken, familyId, userId: owner.userId, organizationId: owner.organizationId, expiresAt };
  }
}

/**
 * Returns the hex SHA-256 of a refresh token. A fast hash is enough here, unlike for
 * passwords, because the token has 256 random bits and cannot be guessed offline.
 */
export function hashRefreshToken(refreshToken: string): string {
  return createHash('sha256').update(refreshToken, 'utf8').digest('hex');
}
