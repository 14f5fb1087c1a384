import { randomUUID } from 'node:crypto';
import { RefreshTokenInvalidError, RefreshTokenReusedError } from './auth.errors';
import { hashRefreshToken, RefreshTokenService } from './refresh-token.service';
import { InMemoryRefreshTokenRepository } from './test-support/in-memory-refresh-token.repository';

const DAY_MS = 24 * 60 * 60 * 1000;

let repository: InMemoryRefreshTokenRepository;
let now: Date;
let service: RefreshTokenService;
let owner: { userId: string; organizationId: string };

beforeEach(() => {
  repository = new InMemoryRefreshTokenRepository();
  now = new Date('2025-03-01T08:00:00.000Z');
  service = new RefreshTokenService(repository, () => now, { ttlSeconds: 14 * 24 * 60 * 60 });
  owner = { userId: randomUUID(), organizationId: randomUUID() };
});

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('RefreshTokenService.issue', () => {
  it('returns 32 random bytes in base64url', async () => {
    const { refreshToken } = await service.issue(owner);

    expect(refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(refreshToken, 'base64url')).toHaveLength(32);
  });

  it('stores only the SHA-256 hash of the token', async () => {
    const { refreshToken, familyId } = await service.issue(owner);

    const [stored] = [...repository.records.values()];

    expect(stored).toEqual({
      tokenHash: hashRefreshToken(refreshToken),
      familyId,
      ...owner,
      issuedAt: now,
      expiresAt: new Date(now.getTime() + 14 * DAY_MS),
      rotatedAt: null,
      revokedAt: null,
    });
    expect(stored?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify([...repository.records.values()])).not.toContain(refreshToken);
  });

  it('starts a new family on every login', async () => {
    const first = await service.issue(owner);
    const second = await service.issue(owner);

    expect(second.familyId).not.toBe(first.familyId);
    expect(second.refreshToken).not.toBe(first.refreshToken);
  });
});

describe('RefreshTokenService.rotate', () => {
  it('exchanges a token for a new one of the same family', async () => {
    const first = await service.issue(owner);

    const second = await service.rotate(first.refreshToken);

    expect(second.familyId).toBe(first.familyId);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.userId).toBe(owner.userId);
    expect(second.organizationId).toBe(owner.organizationId);
  });

  it('rejects the old token after rotation and revokes the family', async () => {
    const first = await service.issue(owner);
    const second = await service.rotate(first.refreshToken);

    const error = await errorOf(service.rotate(first.refreshToken));

    expect(error).toBeInstanceOf(RefreshTokenReusedError);
    expect((error as RefreshTokenReusedError).status).toBe(401);
    expect(await errorOf(service.rotate(second.refreshToken))).toBeInstanceOf(RefreshTokenInvalidError);
  });

  it('keeps other families of the user working after a reuse', async () => {
    const stolen = await service.issue(owner);
    const otherDevice = await service.issue(owner);
    await service.rotate(stolen.refreshToken);

    await errorOf(service.rotate(stolen.refreshToken));

    await expect(service.rotate(otherDevice.refreshToken)).resolves.toMatchObject({ familyId: otherDevice.familyId });
  });

  it('lets only one of two concurrent rotations win', async () => {
    const first = await service.issue(owner);

    const results = await Promise.allSettled([service.rotate(first.refreshToken), service.rotate(first.refreshToken)]);

    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((result) => result.status === 'rejected')).toHaveLength(1);
  });

  it('rejects an unknown token', async () => {
    expect(await errorOf(service.rotate('unknown-token'))).toBeInstanceOf(RefreshTokenInvalidError);
  });

  it('rejects an expired token', async () => {
    const first = await service.issue(owner);
    now = new Date(now.getTime() + 14 * DAY_MS);

    expect(await errorOf(service.rotate(first.refreshToken))).toBeInstanceOf(RefreshTokenInvalidError);
  });

  it('accepts a token just before it expires', async () => {
    const first = await service.issue(owner);
    now = new Date(now.getTime() + 14 * DAY_MS - 1);

    await expect(service.rotate(first.refreshToken)).resolves.toMatchObject({ familyId: first.familyId });
  });
});

describe('RefreshTokenService.revoke', () => {
  it('ends the family on logout', async () => {
    const first = await service.issue(owner);
    const second = await service.rotate(first.refreshToken);

    await service.revoke(second.refreshToken);

    expect(await errorOf(service.rotate(second.refreshToken))).toBeInstanceOf(RefreshTokenInvalidError);
  });

  it('ignores an unknown token', async () => {
    await expect(service.revoke('unknown-token')).resolves.toBeUndefined();
  });

  it('is idempotent', async () => {
    const first = await service.issue(owner);

    await service.revoke(first.refreshToken);
    await service.revoke(first.refreshToken);

    expect(await errorOf(service.rotate(first.refreshToken))).toBeInstanceOf(RefreshTokenInvalidError);
  });

  it('ends every session of a user and no one else', async () => {
    const phone = await service.issue(owner);
    const laptop = await service.issue(owner);
    const colleague = await service.issue({ userId: randomUUID(), organizationId: owner.organizationId });

    await service.revokeAllForUser(owner.userId);

    expect(await errorOf(service.rotate(phone.refreshToken))).toBeInstanceOf(RefreshTokenInvalidError);
    expect(await errorOf(service.rotate(laptop.refreshToken))).toBeInstanceOf(RefreshTokenInvalidError);
    await expect(service.rotate(colleague.refreshToken)).resolves.toMatchObject({ familyId: colleague.familyId });
  });
});
