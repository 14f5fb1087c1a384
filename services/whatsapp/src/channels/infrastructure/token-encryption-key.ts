import type { Collection, Db } from 'mongodb';
import { TokenCipher } from './token-cipher';

interface DevelopmentKeyDocument {
  _id: string;
  key: string;
  createdAt: Date;
}

const DEVELOPMENT_KEY_ID = 'token-encryption-key';

/** Thrown at start-up in production when WHATSAPP_TOKEN_ENCRYPTION_KEY is not set. */
export class TokenEncryptionKeyMissing extends Error {
  constructor() {
    super('WHATSAPP_TOKEN_ENCRYPTION_KEY is not set; production needs base64 of 32 random bytes (openssl rand -base64 32)');
    this.name = 'TokenEncryptionKeyMissing';
  }
}

/**
 * Returns the token encryption key: WHATSAPP_TOKEN_ENCRYPTION_KEY when set; in production
 * nothing else; in development and test a key generated once and kept in the service's
 * database (collection `development_keys`), so restarts can still decrypt stored tokens.
 * Keeping the key beside the ciphertext protects nothing, which is why production refuses it.
 */
export async function loadTokenEncryptionKey(db: Db, configuredKey: string, nodeEnv: string): Promise<string> {
  if (configuredKey !== '') {
    return configuredKey;
  }
  if (nodeEnv === 'production') {
    throw new TokenEncryptionKeyMissing();
  }

  const keys: Collection<DevelopmentKeyDocument> = db.collection('development_keys');
  // $setOnInsert keeps the first key when two replicas start at once.
  await keys.updateOne(
    { _id: DEVELOPMENT_KEY_ID },
    { $setOnInsert: { key: TokenCipher.generateKey(), createdAt: new Date() } },
    { upsert: true },
  ).catch((error: unknown) => {
    if ((error as { code?: number }).code !== 11000) {
      throw error;
    }
  });
  const stored = await keys.findOne({ _id: DEVELOPMENT_KEY_ID });
  if (stored === null) {
    throw new Error('The development token encryption key was not stored; check the MongoDB connection');
  }
  return stored.key;
}
