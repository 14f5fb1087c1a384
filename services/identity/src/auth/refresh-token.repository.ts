/**
 * One refresh token as stored. The token itself is never stored, only its SHA-256 hash,
 * so a copy of the collection cannot be replayed.
 */
export interface RefreshTokenRecord {
  /** Hex SHA-256 of the token string. Unique. */
  tokenHash: string;
  /** Shared by every token that descends from one login by rotation. */
  familyId: string;
  userId: string;
  organizationId: string;
  issuedAt: Date;
  expiresAt: Date;
  /** When the token was exchanged for its successor, or null while it is the newest of its family. */
  rotatedAt: Date | null;
  /** When logout, reuse detection or a password change ended the family. */
  revokedAt: Date | null;
}

/**
 * Storage of refresh tokens, owned by identity and never published. The Mongo
 * implementation keeps them in their own collection.
 */
export interface RefreshTokenRepository {
  insert(record: RefreshTokenRecord): Promise<void>;

  findByHash(tokenHash: string): Promise<RefreshTokenRecord | null>;

  /**
   * Marks the token rotated only if it is neither rotated nor revoked, as one atomic
   * compare-and-set (in MongoDB a `findOneAndUpdate` filtered on both being null).
   * Returns false when another request rotated or revoked it first, which the caller
   * treats as reuse.
   */
  markRotated(tokenHash: string, rotatedAt: Date): Promise<boolean>;

  /** Revokes every token of the family that is not revoked yet. */
  revokeFamily(familyId: string, revokedAt: Date): Promise<void>;

  /** Revokes every token of the user, for a password change, a deactivation or a deletion. */
  revokeAllForUser(userId: string, revokedAt: Date): Promise<void>;
}
