import { TokenCipher, TokenEncryptionKeyInvalid } from './token-cipher';

describe('TokenCipher', () => {
  const cipher = new TokenCipher(TokenCipher.generateKey());

  it('decrypts what it encrypted', () => {
    const encrypted = cipher.encrypt('EAAG-secret-token', 'channel-1');

    expect(cipher.decrypt(encrypted, 'channel-1')).toBe('EAAG-secret-token');
  });

  it('stores no plaintext', () => {
    const encrypted = cipher.encrypt('EAAG-secret-token', 'channel-1');

    expect(JSON.stringify(encrypted)).not.toContain('EAAG-secret-token');
    expect(Buffer.from(encrypted.ciphertext, 'base64').toString('utf8')).not.toContain('secret');
  });

  it('uses a fresh IV per encryption', () => {
    const first = cipher.encrypt('same-token', 'channel-1');
    const second = cipher.encrypt('same-token', 'channel-1');

    expect(first.iv).not.toBe(second.iv);
    expect(first.ciphertext).not.toBe(second.ciphertext);
  });

  it('rejects another channel as context', () => {
    const encrypted = cipher.encrypt('EAAG-secret-token', 'channel-1');

    expect(() => cipher.decrypt(encrypted, 'channel-2')).toThrow();
  });

  it('rejects a tampered ciphertext', () => {
    const encrypted = cipher.encrypt('EAAG-secret-token', 'channel-1');
    const bytes = Buffer.from(encrypted.ciphertext, 'base64');
    bytes[0] ^= 0xff;

    expect(() => cipher.decrypt({ ...encrypted, ciphertext: bytes.toString('base64') }, 'channel-1')).toThrow();
  });

  it('rejects another key', () => {
    const encrypted = cipher.encrypt('EAAG-secret-token', 'channel-1');
    const other = new TokenCipher(TokenCipher.generateKey());

    expect(() => other.decrypt(encrypted, 'channel-1')).toThrow();
  });

  it('fingerprints tokens stably and apart', () => {
    expect(cipher.fingerprint('token-a')).toBe(cipher.fingerprint('token-a'));
    expect(cipher.fingerprint('token-a')).not.toBe(cipher.fingerprint('token-b'));
    expect(cipher.fingerprint('token-a')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('rejects a key of the wrong length', () => {
    expect(() => new TokenCipher(Buffer.alloc(16).toString('base64'))).toThrow(TokenEncryptionKeyInvalid);
  });
});
