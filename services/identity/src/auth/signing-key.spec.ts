import { generateKeyPairSync } from 'node:crypto';
import { SigningKeyConfigurationError, SigningKeyLoader, toJwks } from './signing-key';

function p256Pem(format: 'pkcs8' | 'sec1' = 'pkcs8'): string {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return privateKey.export({ format: 'pem', type: format }).toString();
}

const loader = new SigningKeyLoader();

describe('SigningKeyLoader', () => {
  it('loads a PKCS#8 key from IDENTITY_JWT_PRIVATE_KEY', async () => {
    const key = await loader.load({ IDENTITY_JWT_PRIVATE_KEY: p256Pem() });

    expect(key.ephemeral).toBe(false);
    expect(key.privateKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(key.publicJwk).toEqual({ kty: 'EC', crv: 'P-256', x: expect.any(String), y: expect.any(String), kid: key.kid, alg: 'ES256', use: 'sig' });
  });

  it('exposes no private part in the public JWK', async () => {
    const key = await loader.load({ IDENTITY_JWT_PRIVATE_KEY: p256Pem() });

    expect(key.publicJwk).not.toHaveProperty('d');
  });

  it('loads a SEC1 key with escaped line breaks', async () => {
    const escaped = p256Pem('sec1').replace(/\n/g, '\\n');

    const key = await loader.load({ IDENTITY_JWT_PRIVATE_KEY: escaped });

    expect(key.publicJwk.crv).toBe('P-256');
  });

  it('derives a stable kid from the key', async () => {
    const pem = p256Pem();

    const first = await loader.load({ IDENTITY_JWT_PRIVATE_KEY: pem });
    const second = await loader.load({ IDENTITY_JWT_PRIVATE_KEY: pem });

    expect(first.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second.kid).toBe(first.kid);
  });

  it('uses a configured kid', async () => {
    const key = await loader.load({ IDENTITY_JWT_PRIVATE_KEY: p256Pem(), IDENTITY_JWT_KEY_ID: 'identity-2025-03' });

    expect(key.kid).toBe('identity-2025-03');
    expect(key.publicJwk.kid).toBe('identity-2025-03');
  });

  it('reads the key from IDENTITY_JWT_PRIVATE_KEY_FILE', async () => {
    const pem = p256Pem();
    const fileLoader = new SigningKeyLoader((path) => {
      expect(path).toBe('/run/secrets/identity-jwt.pem');
      return pem;
    });

    const key = await fileLoader.load({ IDENTITY_JWT_PRIVATE_KEY_FILE: '/run/secrets/identity-jwt.pem' });

    expect(key.ephemeral).toBe(false);
  });

  it('rejects an unreadable key file', async () => {
    const fileLoader = new SigningKeyLoader(() => {
      throw new Error('ENOENT');
    });

    await expect(fileLoader.load({ IDENTITY_JWT_PRIVATE_KEY_FILE: '/missing.pem' })).rejects.toThrow(SigningKeyConfigurationError);
  });

  it('rejects both settings at once', async () => {
    await expect(loader.load({ IDENTITY_JWT_PRIVATE_KEY: p256Pem(), IDENTITY_JWT_PRIVATE_KEY_FILE: '/key.pem' })).rejects.toThrow('not both');
  });

  it('rejects text that is not a PEM key without echoing it', async () => {
    const secretLookingText = 'not-a-key-but-secret-looking';

    const error = await loader.load({ IDENTITY_JWT_PRIVATE_KEY: secretLookingText }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(SigningKeyConfigurationError);
    expect(String((error as Error).message)).not.toContain(secretLookingText);
  });

  it('rejects an RSA key', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

    await expect(loader.load({ IDENTITY_JWT_PRIVATE_KEY: pem })).rejects.toThrow('must be an EC P-256 key');
  });

  it('rejects a P-384 key', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

    await expect(loader.load({ IDENTITY_JWT_PRIVATE_KEY: pem })).rejects.toThrow('must be an EC P-256 key');
  });

  it('generates an ephemeral key in development', async () => {
    const key = await loader.load({ NODE_ENV: 'development' });

    expect(key.ephemeral).toBe(true);
    expect(key.publicJwk.alg).toBe('ES256');
  });

  it('refuses to start without a key in production', async () => {
    await expect(loader.load({ NODE_ENV: 'production', IDENTITY_JWT_PRIVATE_KEY: '  ' })).rejects.toThrow(SigningKeyConfigurationError);
  });
});

describe('toJwks', () => {
  it('lists the public key of each signing key', async () => {
    const current = await loader.load({});
    const previous = await loader.load({});

    expect(toJwks(current, previous)).toEqual({ keys: [current.publicJwk, previous.publicJwk] });
  });
});
