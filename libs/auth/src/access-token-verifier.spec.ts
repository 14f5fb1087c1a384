import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JSONWebKeySet, type JWTPayload, type KeyLike } from 'jose';
import { AccessTokenVerifier, extractBearerToken } from './access-token-verifier';
import { AccessTokenExpiredError, AccessTokenInvalidError, AccessTokenMissingError } from './access-token.errors';

const issuer = 'https://identity.regu.test';
const audience = 'regu-gateway';
const kid = 'identity-key-1';
const issuedAt = new Date('2025-03-01T08:00:00.000Z');
const issuedAtSeconds = issuedAt.getTime() / 1000;

let privateKey: KeyLike;
let jwks: JSONWebKeySet;
let userId: string;
let organizationId: string;

beforeAll(async () => {
  const pair = await generateKeyPair('ES256');
  privateKey = pair.privateKey;
  jwks = { keys: [{ ...(await exportJWK(pair.publicKey)), kid, alg: 'ES256', use: 'sig' }] };
});

beforeEach(() => {
  userId = randomUUID();
  organizationId = randomUUID();
});

function verifierAt(secondsAfterIssue: number): AccessTokenVerifier {
  return new AccessTokenVerifier({ issuer, audience, keys: jwks, clockToleranceSeconds: 0, clock: () => new Date(issuedAt.getTime() + secondsAfterIssue * 1000) });
}

interface TokenOverrides {
  claims?: JWTPayload;
  header?: Record<string, unknown>;
  key?: KeyLike;
  lifetimeSeconds?: number;
  issuer?: string;
  audience?: string;
}

function sign(overrides: TokenOverrides = {}): Promise<string> {
  return new SignJWT({ org: organizationId, role: 'admin', ...overrides.claims })
    .setProtectedHeader({ alg: 'ES256', kid, typ: 'at+jwt', ...overrides.header })
    .setSubject(userId)
    .setIssuer(overrides.issuer ?? issuer)
    .setAudience(overrides.audience ?? audience)
    .setIssuedAt(issuedAtSeconds)
    .setExpirationTime(issuedAtSeconds + (overrides.lifetimeSeconds ?? 900))
    .sign(overrides.key ?? privateKey);
}

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('AccessTokenVerifier', () => {
  it('returns the caller of a valid token', async () => {
    const token = await sign();

    expect(await verifierAt(60).verify(token)).toEqual({ userId, organizationId, role: 'admin' });
  });

  it.each([undefined, null, '', '   '])('rejects a missing token (%p)', async (token) => {
    const error = await rejectionOf(verifierAt(60).verify(token));

    expect(error).toBeInstanceOf(AccessTokenMissingError);
    expect((error as AccessTokenMissingError).status).toBe(401);
    expect((error as AccessTokenMissingError).code).toBe('ACCESS_TOKEN_MISSING');
  });

  it('rejects an expired token', async () => {
    const token = await sign();

    const error = await rejectionOf(verifierAt(900).verify(token));

    expect(error).toBeInstanceOf(AccessTokenExpiredError);
    expect((error as AccessTokenExpiredError).code).toBe('ACCESS_TOKEN_EXPIRED');
    expect((error as AccessTokenExpiredError).status).toBe(401);
  });

  it('accepts a token one second before expiry', async () => {
    await expect(verifierAt(899).verify(await sign())).resolves.toMatchObject({ userId });
  });

  it('rejects a token signed with another key under the same kid', async () => {
    const other = await generateKeyPair('ES256');
    const token = await sign({ key: other.privateKey });

    const error = await rejectionOf(verifierAt(60).verify(token));

    expect(error).toBeInstanceOf(AccessTokenInvalidError);
    expect((error as AccessTokenInvalidError).code).toBe('ACCESS_TOKEN_INVALID');
    expect((error as AccessTokenInvalidError).status).toBe(401);
  });

  it('rejects a token with an unknown kid', async () => {
    const token = await sign({ header: { kid: 'someone-else' } });

    expect(await rejectionOf(verifierAt(60).verify(token))).toBeInstanceOf(AccessTokenInvalidError);
  });

  it('rejects a tampered payload', async () => {
    const [header, , signature] = (await sign()).split('.');
    const forgedPayload = base64url({ sub: userId, org: randomUUID(), role: 'admin', iss: issuer, aud: audience, iat: issuedAtSeconds, exp: issuedAtSeconds + 900 });

    const error = await rejectionOf(verifierAt(60).verify(`${header}.${forgedPayload}.${signature}`));

    expect(error).toBeInstanceOf(AccessTokenInvalidError);
    expect((error as AccessTokenInvalidError).reason).toBe('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
  });

  it('rejects a tampered signature', async () => {
    const token = await sign();
    const lastCharacter = token.at(-1) === 'A' ? 'B' : 'A';

    expect(await rejectionOf(verifierAt(60).verify(`${token.slice(0, -1)}${lastCharacter}`))).toBeInstanceOf(AccessTokenInvalidError);
  });

  it('rejects alg none', async () => {
    const header = base64url({ alg: 'none', typ: 'at+jwt', kid });
    const payload = base64url({ sub: userId, org: organizationId, role: 'admin', iss: issuer, aud: audience, iat: issuedAtSeconds, exp: issuedAtSeconds + 900 });

    const error = await rejectionOf(verifierAt(60).verify(`${header}.${payload}.`));

    expect(error).toBeInstanceOf(AccessTokenInvalidError);
    expect((error as AccessTokenInvalidError).reason).toBe('ERR_JOSE_ALG_NOT_ALLOWED');
  });

  it('rejects HS256 signed with the public key as the secret', async () => {
    const publicJwkText = new TextEncoder().encode(JSON.stringify(jwks.keys[0]));
    const token = await new SignJWT({ org: organizationId, role: 'admin' })
      .setProtectedHeader({ alg: 'HS256', kid, typ: 'at+jwt' })
      .setSubject(userId)
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt(issuedAtSeconds)
      .setExpirationTime(issuedAtSeconds + 900)
      .sign(publicJwkText);

    const error = await rejectionOf(verifierAt(60).verify(token));

    expect(error).toBeInstanceOf(AccessTokenInvalidError);
    expect((error as AccessTokenInvalidError).reason).toBe('ERR_JOSE_ALG_NOT_ALLOWED');
  });

  it('rejects ES384', async () => {
    const p384 = await generateKeyPair('ES384');
    const token = await sign({ header: { alg: 'ES384' }, key: p384.privateKey });

    expect(await rejectionOf(verifierAt(60).verify(token))).toBeInstanceOf(AccessTokenInvalidError);
  });

  it('rejects another issuer', async () => {
    const token = await sign({ issuer: 'https://other-issuer.test' });

    expect(await rejectionOf(verifierAt(60).verify(token))).toBeInstanceOf(AccessTokenInvalidError);
  });

  it('rejects another audience', async () => {
    const token = await sign({ audience: 'another-service' });

    expect(await rejectionOf(verifierAt(60).verify(token))).toBeInstanceOf(AccessTokenInvalidError);
  });

  it('rejects a JWT that is not an access token', async () => {
    const token = await sign({ header: { typ: 'JWT' } });

    expect(await rejectionOf(verifierAt(60).verify(token))).toBeInstanceOf(AccessTokenInvalidError);
  });

  it('treats a token older than 15 minutes as expired', async () => {
    const token = await sign({ lifetimeSeconds: 3600 });

    expect(await rejectionOf(verifierAt(901).verify(token))).toBeInstanceOf(AccessTokenExpiredError);
  });

  it('rejects a token without an organization', async () => {
    const token = await sign({ claims: { org: undefined } });

    const error = await rejectionOf(verifierAt(60).verify(token));

    expect(error).toBeInstanceOf(AccessTokenInvalidError);
    expect((error as AccessTokenInvalidError).reason).toBe('org claim missing');
  });

  it('rejects an unknown role', async () => {
    const token = await sign({ claims: { role: 'owner' } });

    const error = await rejectionOf(verifierAt(60).verify(token));

    expect((error as AccessTokenInvalidError).reason).toBe('role claim invalid');
  });

  it('rejects text that is not a JWT', async () => {
    expect(await rejectionOf(verifierAt(60).verify('not.a.jwt'))).toBeInstanceOf(AccessTokenInvalidError);
  });

  it('accepts a key resolver function', async () => {
    const token = await sign();
    const verifier = new AccessTokenVerifier({ issuer, audience, keys: () => publicKeyFromJwks(), clock: () => new Date(issuedAt.getTime() + 60_000) });

    await expect(verifier.verify(token)).resolves.toEqual({ userId, organizationId, role: 'admin' });
  });
});

describe('extractBearerToken', () => {
  it('returns the token of a bearer header', () => {
    expect(extractBearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(extractBearerToken('bearer   abc.def.ghi ')).toBe('abc.def.ghi');
  });

  it.each([undefined, null, '', 'Bearer', 'Basic dXNlcjpwYXNz', 'Bearer a b'])('returns undefined for %p', (header) => {
    expect(extractBearerToken(header)).toBeUndefined();
  });
});

async function publicKeyFromJwks(): Promise<KeyLike> {
  return (await importJWK(jwks.keys[0] ?? {}, 'ES256')) as KeyLike;
}
