import { randomUUID } from 'node:crypto';
import { AccessTokenIssuer } from '../../access-token-issuer';
import { SigningKeyLoader } from '../../signing-key';
import { DEFAULT_LOCKOUT_POLICY } from '../../../users/domain/user.state';
import { fakeHasher, NOW, usersFixture } from '../../../users/application/test-support/in-memory-users';
import type { LoginAttemptsRepository } from '../ports';
import { TokenPairIssuer } from '../token-pair-issuer';
import { LoginHandler } from './login.handler';

/** Mirrors the Mongo repository's counting in a Map. */
class InMemoryLoginAttempts implements LoginAttemptsRepository {
  readonly entries = new Map<string, { failedAttempts: number; lockedUntil: Date | null }>();

  async lockedUntil(email: string, now: Date): Promise<string | null> {
    const lockedUntil = this.entries.get(email)?.lockedUntil ?? null;
    return lockedUntil !== null && lockedUntil > now ? lockedUntil.toISOString() : null;
  }

  async recordFailure(email: string, now: Date): Promise<void> {
    const entry = this.entries.get(email) ?? { failedAttempts: 0, lockedUntil: null };
    entry.failedAttempts += 1;
    if (entry.failedAttempts >= DEFAULT_LOCKOUT_POLICY.maxFailedAttempts) {
      entry.failedAttempts = 0;
      entry.lockedUntil = new Date(now.getTime() + DEFAULT_LOCKOUT_POLICY.lockDurationMs);
    }
    this.entries.set(email, entry);
  }
}

async function loginFixture() {
  const fixture = usersFixture();
  const key = await new SigningKeyLoader().load({});
  const tokens = new TokenPairIssuer(new AccessTokenIssuer(key, { issuer: 'regu-identity', audience: 'regu-api' }, fixture.clock), fixture.refreshTokens);
  const attempts = new InMemoryLoginAttempts();
  const handler = new LoginHandler({
    users: fixture.users,
    emailClaims: fixture.claims,
    credentials: fixture.credentials,
    attempts,
    hasher: fakeHasher,
    tokens,
    policy: DEFAULT_LOCKOUT_POLICY,
    clock: fixture.clock,
  });
  const login = (email: string, password: string) => handler.execute({ caller: { organizationId: '', userId: '', role: 'agent', correlationId: randomUUID() }, payload: { email, password } });
  return { ...fixture, attempts, login };
}

describe('LoginHandler', () => {
  it('issues a token pair for the right password, whatever the email case', async () => {
    const fixture = await loginFixture();
    const agent = await fixture.givenUser('agent', { password: 'right-password-1' });

    const pair = await fixture.login(`  ${agent.email.toUpperCase()}`, 'right-password-1');

    expect(pair).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, refreshToken: expect.any(String) });
  });

  it('rejects a wrong password and counts it on the user', async () => {
    const fixture = await loginFixture();
    const agent = await fixture.givenUser('agent', { password: 'right-password-1' });

    await expect(fixture.login(agent.email, 'wrong')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS', status: 401 });
    expect(fixture.users.eventsOf(agent.userId).at(-1)).toEqual({ type: 'UserLoginFailed', data: { userId: agent.userId, failedAttempts: 1 } });
  });

  it('answers an unknown email like a wrong password', async () => {
    const fixture = await loginFixture();

    await expect(fixture.login('nobody@example.com', 'wrong')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS', status: 401 });
  });

  it('locks on the 11th try', async () => {
    const fixture = await loginFixture();
    const agent = await fixture.givenUser('agent', { password: 'right-password-1' });
    for (let attempt = 1; attempt <= 10; attempt++) {
      await expect(fixture.login(agent.email, `wrong-${attempt}`)).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    }

    const lockedUntil = new Date(NOW.getTime() + DEFAULT_LOCKOUT_POLICY.lockDurationMs).toISOString();
    await expect(fixture.login(agent.email, 'wrong-11')).rejects.toMatchObject({ code: 'USER_LOCKED_OUT', status: 429, params: { lockedUntil } });
    await expect(fixture.login(agent.email, 'right-password-1')).rejects.toMatchObject({ code: 'USER_LOCKED_OUT' });
  });

  it('locks an unknown email the same way', async () => {
    const fixture = await loginFixture();
    for (let attempt = 1; attempt <= 10; attempt++) {
      await expect(fixture.login('nobody@example.com', `wrong-${attempt}`)).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    }

    await expect(fixture.login('nobody@example.com', 'wrong-11')).rejects.toMatchObject({ code: 'USER_LOCKED_OUT', status: 429 });
  });

  it('answers a deactivated user like a wrong password', async () => {
    const fixture = await loginFixture();
    const agent = await fixture.givenUser('agent', { password: 'right-password-1' });
    fixture.users.streams.get(agent.userId)?.push({ type: 'UserDeactivated', data: { userId: agent.userId } });

    await expect(fixture.login(agent.email, 'right-password-1')).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS', status: 401 });
  });

  it('clears earlier failures after a successful login', async () => {
    const fixture = await loginFixture();
    const agent = await fixture.givenUser('agent', { password: 'right-password-1' });
    await fixture.login(agent.email, 'wrong').catch(() => undefined);

    await fixture.login(agent.email, 'right-password-1');

    expect(fixture.users.eventsOf(agent.userId).at(-1)).toEqual({ type: 'UserFailedLoginsReset', data: { userId: agent.userId } });
  });
});
