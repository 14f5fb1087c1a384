import { randomUUID } from 'node:crypto';
import type { Collection, Db } from 'mongodb';
import type { ChannelTokenRef } from '../domain/channel.evolve';
import type { EncryptedToken, TokenCipher } from './token-cipher';

interface ChannelTokenDocument extends EncryptedToken {
  _id: string;
  channelId: string;
  createdAt: Date;
}

/**
 * Keeps channel access tokens encrypted in the collection `channel_tokens`. Events and
 * read models carry only the reference (the document id) and the fingerprint.
 */
export class ChannelTokenStore {
  private readonly tokens: Collection<ChannelTokenDocument>;

  constructor(
    db: Db,
    private readonly cipher: TokenCipher,
  ) {
    this.tokens = db.collection('channel_tokens');
  }

  /** The reference and fingerprint a new token would get, before anything is stored. */
  prepare(token: string): ChannelTokenRef {
    return { reference: randomUUID(), fingerprint: this.cipher.fingerprint(token) };
  }

  async save(ref: ChannelTokenRef, channelId: string, token: string): Promise<void> {
    await this.tokens.insertOne({ _id: ref.reference, channelId, createdAt: new Date(), ...this.cipher.encrypt(token, channelId) });
  }

  /** Returns the token, or throws when it is missing or cannot be decrypted with the current key. */
  async read(ref: ChannelTokenRef, channelId: string): Promise<string> {
    const document = await this.tokens.findOne({ _id: ref.reference });
    if (document === null || document.channelId !== channelId) {
      throw new Error(`The access token ${ref.reference} of channel ${channelId} is not stored`);
    }
    return this.cipher.decrypt(document, channelId);
  }

  /** Removes tokens of the channel other than `keep`, after a new token replaced them or the channel was disconnected. */
  async deleteOthers(channelId: string, keep?: string): Promise<void> {
    await this.tokens.deleteMany(keep === undefined ? { channelId } : { channelId, _id: { $ne: keep } });
  }

  async delete(reference: string): Promise<void> {
    await this.tokens.deleteOne({ _id: reference });
  }
}
