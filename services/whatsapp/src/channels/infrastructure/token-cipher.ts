import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/** An access token encrypted with AES-256-GCM: a fresh 12-byte IV per token and the 16-byte tag. */
export interface EncryptedToken {
  iv: string;
  tag: string;
  ciphertext: string;
}

const KEY_LENGTH = 32;
const IV_LENGTH = 12;

/** Thrown when a key is not base64 of exactly 32 bytes. */
export class TokenEncryptionKeyInvalid extends Error {
  constructor(length: number) {
    super(`WHATSAPP_TOKEN_ENCRYPTION_KEY must be base64 of ${KEY_LENGTH} bytes, but it decodes to ${length} bytes; create one with: openssl rand -base64 32`);
    this.name = 'TokenEncryptionKeyInvalid';
  }
}

/**
 * Encrypts and decrypts channel access tokens, and computes their fingerprint: an
 * HMAC-SHA256 prefix under a key derived from the encryption key, so a fingerprint in
 * an event tells two tokens apart without letting anyone test a guessed token offline.
 */
export class TokenCipher {
  private readonly key: Buffer;
  private readonly fingerprintKey: Buffer;

  constructor(base64Key: string) {
    const key = Buffer.from(base64Key, 'base64');
    if (key.length !== KEY_LENGTH) {
      throw new TokenEncryptionKeyInvalid(key.length);
    }
    this.key = key;
    this.fingerprintKey = createHmac('sha256', key).update('regu whatsapp token fingerprint').digest();
  }

  static generateKey(): string {
    return randomBytes(KEY_LENGTH).toString('base64');
  }

  /** `context` (the channel id) is bound as additional data, so a ciphertext copied to another channel fails to decrypt. */
  encrypt(token: string, context: string): EncryptedToken {
    const iv = randomBytes(IV_LENGTH);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
    return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ciphertext: ciphertext.toString('base64') };
  }

  /** Throws when the key, the context or the stored bytes are not the ones used to encrypt. */
  decrypt(encrypted: EncryptedToken, context: string): string {
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(encrypted.iv, 'base64'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(encrypted.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(encrypted.ciphertext, 'base64')), decipher.final()]).toString('utf8');
  }

  fingerprint(token: string): string {
    return createHmac('sha256', this.fingerprintKey).update(token, 'utf8').digest('hex').slice(0, 16);
  }
}
