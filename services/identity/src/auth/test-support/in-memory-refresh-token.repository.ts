import type { RefreshTokenRecord, RefreshTokenRepository } from '../refresh-token.repository';

/** A RefreshTokenRepository in a Map, for unit specs only: it loses every token on restart. */
export class InMemoryRefreshTokenRepository implements RefreshTokenRepository {
  readonly records = new Map<string, RefreshTokenRecord>();

  async insert(record: RefreshTokenRecord): Promise<void> {
    if (this.records.has(record.tokenHash)) {
      throw new Error(`Duplicate refresh token hash ${record.tokenHash}`);
    }
    this.records.set(record.tokenHash, { ...record });
  }

  async findByHash(tokenHash: string): Promise<RefreshTokenRecord | null> {
    const record = this.records.get(tokenHash);
    return record === undefined ? null : { ...record };
  }

  async markRotated(tokenHash: string, rotatedAt: Date): Promise<boolean> {
    const record = this.records.get(tokenHash);
    if (record === undefined || record.rotatedAt !== null || record.revokedAt !== null) {
      return false;
    }
    record.rotatedAt = rotatedAt;
    return true;
  }

  async revokeFamily(familyId: string, revokedAt: Date): Promise<void> {
    this.revokeWhere((record) => record.familyId === familyId, revokedAt);
  }

  async revokeAllForUser(userId: string, revokedAt: Date): Promise<void> {
    this.revokeWhere((record) => record.userId === userId, revokedAt);
  }

  private revokeWhere(matches: (record: RefreshTokenRecord) => boolean, revokedAt: Date): void {
    for (const record of this.records.values()) {
      if (matches(record) && record.revokedAt === null) {
        record.revokedAt = revokedAt;
      }
    }
  }
}
