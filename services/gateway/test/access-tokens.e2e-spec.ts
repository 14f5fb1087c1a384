import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { ApiClient, IdentityTcpClient, TestOrganization, type TestUser } from '@regu/testing';

const api = new ApiClient();
const identity = new IdentityTcpClient();
const issuer = process.env.JWT_ISSUER ?? 'regu-identity';
const audience = process.env.JWT_AUDIENCE ?? 'regu-api';
let organization: TestOrganization;
let agent: TestUser;

beforeAll(async () => {
  organization = await TestOrganization.create({ api, identity });
  agent = await organization.addUser('agent');
});

afterAll(() => identity.close());

/**
 * Identity's signing key: IDENTITY_JWT_PRIVATE_KEY when the stack runs with one, else the
 * development key identity stores in its database. Only the expired-token test needs it.
 */
async function identitySigningKey(): Promise<{ key: KeyObject; kid: string }> {
  let pem = process.env.IDENTITY_JWT_PRIVATE_KEY?.replace(/\\n/g, '\n');
  if (!pem) {
    const client = await MongoClient.connect(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017');
    try {
      const document = await client.db(process.env.IDENTITY_DATABASE_NAME ?? 'regu_identity').collection<{ _id: string; privateKeyPem: string }>('signing_keys').findOne({ _id: 'development' });
      pem = document?.privateKeyPem;
    } finally {
      await client.close();
    }
  }
  if (!pem) {
    throw new Error('No identity signing key: set IDENTITY_JWT_PRIVATE_KEY for the test run, as for identity.');
  }
  const key = createPrivateKey(pem);
  const kid = process.env.IDENTITY_JWT_KEY_ID || (await calculateJwkThumbprint(await exportJWK(createPublicKey(key)), 'sha256'));
  return { key, kid };
}

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function unauthorized(code: string, detail: string): object {
  return {
    type: `urn:regu:problem:${code.toLowerCase().replace(/_/g, '-')}`,
    title: 'Unauthorized',
    status: 401,
    detail,
    code,
    correlationId: expect.any(String),
    instance: '/api/v1/users/me',
  };
}

const INVALID = ['ACCESS_TOKEN_INVALID', 'The access token is not valid; sign in again.'] as const;

describe('access tokens at the gateway', () => {
  it('accepts a valid token', async () => {
    expect((await api.get('/users/me', { token: agent.token })).status).toBe(200);
  });

  it('rejects a missing token', async () => {
    const response = await api.get('/users/me');

    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(response.body).toEqual(unauthorized('AUTHENTICATION_REQUIRED', 'Sign in first: send an access token in the Authorization header as "Bearer <token>".'));
  });

  it('rejects an expired token', async () => {
    const { key, kid } = await identitySigningKey();
    const issuedAt = Math.floor(Date.now() / 1000) - 1200;
    const token = await new SignJWT({ org: organization.organizationId, role: 'agent' })
      .setProtectedHeader({ alg: 'ES256', kid, typ: 'at+jwt' })
      .setSubject(agent.user.id)
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + 900)
      .sign(key);

    const response = await api.get('/users/me', { token });

    expect(response.status).toBe(401);
    expect(response.body).toEqual(unauthorized('ACCESS_TOKEN_EXPIRED', 'The access token expired; get a new one with your refresh token.'));
  });

  it('rejects a token signed with another key', async () => {
    const { kid } = await identitySigningKey().catch(() => ({ kid: 'unknown-kid' }));
    const other = await generateKeyPair('ES256');
    const token = await new SignJWT({ org: organization.organizationId, role: 'admin' })
      .setProtectedHeader({ alg: 'ES256', kid, typ: 'at+jwt' })
      .setSubject(agent.user.id)
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(other.privateKey);

    const response = await api.get('/users/me', { token });

    expect(response.status).toBe(401);
    expect(response.body).toEqual(unauthorized(...INVALID));
  });

  it('rejects a tampered token', async () => {
    const [header, payload, signature] = agent.token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;

    const response = await api.get('/users/me', { token: `${header}.${base64url({ ...claims, role: 'admin' })}.${signature}` });

    expect(response.status).toBe(401);
    expect(response.body).toEqual(unauthorized(...INVALID));
  });

  it('rejects alg none', async () => {
    const [header, payload] = agent.token.split('.') as [string, string, string];
    const headerClaims = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as Record<string, unknown>;

    const response = await api.get('/users/me', { token: `${base64url({ ...headerClaims, alg: 'none' })}.${payload}.` });

    expect(response.status).toBe(401);
    expect(response.body).toEqual(unauthorized(...INVALID));
  });

  it('rejects a token that is not a JWT', async () => {
    const response = await api.get('/users/me', { token: 'not-a-token' });

    expect(response.status).toBe(401);
    expect(response.body).toEqual(unauthorized(...INVALID));
  });
});
