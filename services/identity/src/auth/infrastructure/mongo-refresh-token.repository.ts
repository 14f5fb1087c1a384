import type { Collection, Db } from 'mongodb';
import type { RefreshTokenRecord, RefreshTokenRepository } from '../refresh-token.repository';

type RefreshTokenDocument = Omit<RefreshTokenRecord, 'tokenHash'> & { _id: string };

/** The `refresh_tokens` collection, keyed by the token's SHA-256 hash. Expired records are not deleted. */
export class MongoRefreshTokenRepository implements RefreshTokenRepository {
  private readonly collection: Collection<RefreshTokenDocument>;

  constructor(db: Db) {
    this.collection = db.collection<RefreshTokenDocument>('refresh_tokens');
  }

  // TODO: delete records some time after expiresAt - FerretDB 1.x has no TTL index, so the collection grows with every login.
  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ familyId: 1 }, { name: 'tokens_by_family' });
    await this.collection.createIndex({ userId: 1 }, { name: 'tokens_by_user' });
  }

  async insert(record: RefreshTokenRecord): Promise<void> {
    const { tokenHash, ...rest } = record;
    await this.collection.insertOne({ _id: tokenHash, ...rest });
  }

  async findByHash(tokenHash: string): Promise<RefreshTokenRecord | null> {
    const document = await this.collection.findOne({ _id: tokenHash });
    if (document === null) {
      return null;
    }
    const { _id, ...rest } = document;
    return { tokenHash: _id, ...rest };
  }

  /** One conditional update: of two concurrent rotations of one token, only one matches. */
  async markRotated(tokenHash: string, rotatedAt: Date): Promise<boolean> {
    const result = await this.collection.updateOne({ _id: tokenHash, rotatedAt: null, revokedAt: null }, { $set: { rotatedAt } });
    return result.modifiedCount === 1;
  }

  async revokeFamily(familyId: string, revokedAt: Date): Promise<void> {
    await this.collection.updateMany({ familyId, revokedAt: null }, { $set: { revokedAt } });
  }

  async revokeAllForUser(userId: string, revokedAt: Date): Promise<void> {
    await this.collection.updateMany({ userId, revokedAt: null }, { $set: { revokedAt } });
  }
}
