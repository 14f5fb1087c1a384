import { randomUUID } from 'node:crypto';
import { AccessTokenVerifier } from '@regu/auth';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { AccessTokenIssuer } from './access-token-issuer';
import { SigningKeyLoader, toJwks, type SigningKey } from './signing-key';

const issuer = 'https://identity.regu.test';
const audience = 'regu-gateway';
const now = new Date('2025-03-01T08:00:00.000Z');

let key: SigningKey;
let subject: { userId: string; organizationId: string; role: 'supervisor' };

beforeAll(async () => {
  key = await new SigningKeyLoader().load({});
});

beforeEach(() => {
  subject = { userId: randomUUID(), organizationId: randomUUID(), role: 'supervisor' };
});

describe('AccessTokenIssuer', () => {
  it('signs ES256 with the kid and the at+jwt type', async () => {
    const { accessToken } = await new AccessTokenIssuer(key, { issuer, audience }, () => now).issue(subject);

    expect(decodeProtectedHeader(accessToken)).toEqual({ alg: 'ES256', kid: key.kid, typ: 'at+jwt' });
  });

  it('sets sub, org, role, issuer, audience and a 15 minute expiry', async () => {
    const issued = await new AccessTokenIssuer(key, { issuer, audience }, () => now, () => 'token-id').issue(subject);

    expect(decodeJwt(issued.accessToken)).toEqual({
      sub: subject.userId,
      org: subject.organizationId,
      role: 'supervisor',
      iss: issuer,
      aud: audience,
      iat: now.getTime() / 1000,
      exp: now.getTime() / 1000 + 900,
      jti: 'token-id',
    });
    expect(issued.expiresIn).toBe(900);
    expect(issued.expiresAt).toEqual(new Date('2025-03-01T08:15:00.000Z'));
    expect(issued.tokenType).toBe('Bearer');
  });

  it('honours a shorter lifetime', async () => {
    const issued = await new AccessTokenIssuer(key, { issuer, audience, ttlSeconds: 300 }, () => now).issue(subject);

    expect(decodeJwt(issued.accessToken).exp).toBe(now.getTime() / 1000 + 300);
  });

  it('rejects a lifetime over 15 minutes', () => {
    expect(() => new AccessTokenIssuer(key, { issuer, audience, ttlSeconds: 901 })).toThrow(RangeError);
  });

  it('issues tokens the gateway verifier accepts', async () => {
    const { accessToken } = await new AccessTokenIssuer(key, { issuer, audience }, () => now).issue(subject);
    const verifier = new AccessTokenVerifier({ issuer, audience, keys: toJwks(key), clock: () => new Date(now.getTime() + 60_000) });

    expect(await verifier.verify(accessToken)).toEqual(subject);
  });
});
