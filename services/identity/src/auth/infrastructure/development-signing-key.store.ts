import { generateKeyPairSync } from 'node:crypto';
import type { Collection, Db } from 'mongodb';

interface SigningKeyDocument {
  _id: string;
  /** PKCS#8 PEM of an EC P-256 private key. */
  privateKeyPem: string;
  createdAt: Date;
}

/** The `_id` of the one development key. */
const DEVELOPMENT_KEY_ID = 'development';

/**
 * Keeps a generated signing key in the `signing_keys` collection of identity's database,
 * for development only: restarts and several replicas then sign with the same key, so
 * tokens stay valid. A key in a database is weaker than a mounted secret, which is why
 * production requires IDENTITY_JWT_PRIVATE_KEY or IDENTITY_JWT_PRIVATE_KEY_FILE.
 */
export class DevelopmentSigningKeyStore {
  private readonly collection: Collection<SigningKeyDocument>;

  constructor(db: Db) {
    this.collection = db.collection<SigningKeyDocument>('signing_keys');
  }

  /** Returns the stored PEM, generating and storing one first if there is none. Of two racing starts, the first insert wins. */
  async loadOrCreatePem(): Promise<string> {
    const existing = await this.collection.findOne({ _id: DEVELOPMENT_KEY_ID });
    if (existing !== null) {
      return existing.privateKeyPem;
    }

    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const privateKeyPem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    try {
      await this.collection.insertOne({ _id: DEVELOPMENT_KEY_ID, privateKeyPem, createdAt: new Date() });
      return privateKeyPem;
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) {
        throw error;
      }
    }
    const winner = await this.collection.findOne({ _id: DEVELOPMENT_KEY_ID });
    if (winner === null) {
      throw new Error('The development signing key was inserted by another process but cannot be read back.');
    }
    return winner.privateKeyPem;
  }
}
