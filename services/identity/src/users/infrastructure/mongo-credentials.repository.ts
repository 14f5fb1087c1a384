import type { Collection, Db } from 'mongodb';
import type { Credentials, CredentialsRepository } from '../application/ports';

interface CredentialsDocument {
  _id: string;
  organizationId: string;
  passwordHash: string;
  updatedAt: Date;
}

/**
 * The `credentials` collection: one argon2id hash per user id. The event store and the
 * outbox relay never read it, so no hash reaches Kafka.
 */
export class MongoCredentialsRepository implements CredentialsRepository {
  private readonly collection: Collection<CredentialsDocument>;

  constructor(db: Db) {
    this.collection = db.collection<CredentialsDocument>('credentials');
  }

  async find(userId: string): Promise<Credentials | null> {
    const document = await this.collection.findOne({ _id: userId });
    return document === null ? null : { userId: document._id, organizationId: document.organizationId, passwordHash: document.passwordHash, updatedAt: document.updatedAt };
  }

  async save(credentials: Credentials): Promise<void> {
    await this.collection.replaceOne({ _id: credentials.userId }, toDocument(credentials), { upsert: true });
  }

  async insertIfAbsent(credentials: Credentials): Promise<boolean> {
    try {
      await this.collection.insertOne(toDocument(credentials));
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === 11000) {
        return false;
      }
      throw error;
    }
  }

  async delete(userId: string): Promise<void> {
    await this.collection.deleteOne({ _id: userId });
  }
}

function toDocument(credentials: Credentials): CredentialsDocument {
  return { _id: credentials.userId, organizationId: credentials.organizationId, passwordHash: credentials.passwordHash, updatedAt: credentials.updatedAt };
}
