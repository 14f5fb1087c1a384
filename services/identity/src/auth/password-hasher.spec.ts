import { Argon2PasswordHasher } from './password-hasher';

const hasher = new Argon2PasswordHasher();
const password = 'correct horse battery staple';

describe('Argon2PasswordHasher', () => {
  it('hashes with argon2id at 19 MiB, 2 passes and 1 lane', async () => {
    const hash = await hasher.hash(password);

    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(hash).not.toContain(password);
  });

  it('salts every hash', async () => {
    expect(await hasher.hash(password)).not.toBe(await hasher.hash(password));
  });

  it('verifies the right password', async () => {
    const hash = await hasher.hash(password);

    expect(await hasher.verify(hash, password)).toBe(true);
  });

  it('rejects a wrong password', async () => {
    const hash = await hasher.hash(password);

    expect(await hasher.verify(hash, 'correct horse battery stapler')).toBe(false);
  });

  it('returns false for a malformed hash', async () => {
    expect(await hasher.verify('not-a-hash', password)).toBe(false);
  });

  it('verifies composed and decomposed accents alike', async () => {
    const composed = 'kata sandi caf\u00e9 123';
    const decomposed = 'kata sandi cafe\u0301 123';

    expect(await hasher.verify(await hasher.hash(composed), decomposed)).toBe(true);
  });

  it('flags a hash made with other parameters for rehashing', async () => {
    const stronger = new Argon2PasswordHasher({ memoryCost: 32_768, timeCost: 3, parallelism: 1 });
    const hash = await hasher.hash(password);

    expect(hasher.needsRehash(hash)).toBe(false);
    expect(stronger.needsRehash(hash)).toBe(true);
    expect(await stronger.verify(hash, password)).toBe(true);
  });

  it('returns false for a login without a user', async () => {
    expect(await hasher.verifyWithoutUser(password)).toBe(false);
  });

  it('rejects parameters below the minimum', () => {
    expect(() => new Argon2PasswordHasher({ memoryCost: 8_192, timeCost: 2, parallelism: 1 })).toThrow(RangeError);
    expect(() => new Argon2PasswordHasher({ memoryCost: 19_456, timeCost: 1, parallelism: 1 })).toThrow(RangeError);
  });
});
