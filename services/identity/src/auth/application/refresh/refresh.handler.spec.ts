import { randomUUID } from 'node:crypto';
import { AccessTokenIssuer } from '../../access-token-issuer';
import { SigningKeyLoader } from '../../signing-key';
import { usersFixture } from '../../../users/application/test-support/in-memory-users';
import { TokenPairIssuer } from '../token-pair-issuer';
import { RefreshHandler } from './refresh.handler';

const noCaller = { organizationId: '', userId: '', role: 'agent' as const, correlationId: randomUUID() };

async function refreshFixture() {
  const fixture = usersFixture();
  const key = await new SigningKeyLoader().load({});
  const tokens = new TokenPairIssuer(new AccessTokenIssuer(key, { issuer: 'regu-identity', audience: 'regu-api' }, fixture.clock), fixture.refreshTokens);
  return { ...fixture, handler: new RefreshHandler(fixture.users, fixture.refreshTokens, tokens) };
}

describe('RefreshHandler', () => {
  it('rotates the token and rejects the old one as reused', async () => {
    const fixture = await refreshFixture();
    const agent = await fixture.givenUser('agent');
    const first = await fixture.refreshTokens.issue({ userId: agent.userId, organizationId: agent.caller.organizationId });

    const pair = await fixture.handler.execute({ caller: noCaller, payload: { refreshToken: first.refreshToken } });

    expect(pair.refreshToken).not.toBe(first.refreshToken);
    await expect(fixture.handler.execute({ caller: noCaller, payload: { refreshToken: first.refreshToken } })).rejects.toMatchObject({ code: 'REFRESH_TOKEN_REUSED', status: 401 });
  });

  it('rejects a deactivated user and revokes the rest', async () => {
    const fixture = await refreshFixture();
    const agent = await fixture.givenUser('agent');
    const first = await fixture.refreshTokens.issue({ userId: agent.userId, organizationId: agent.caller.organizationId });
    const second = await fixture.refreshTokens.issue({ userId: agent.userId, organizationId: agent.caller.organizationId });
    fixture.users.streams.get(agent.userId)?.push({ type: 'UserDeactivated', data: { userId: agent.userId } });

    await expect(fixture.handler.execute({ caller: noCaller, payload: { refreshToken: first.refreshToken } })).rejects.toMatchObject({ code: 'REFRESH_TOKEN_INVALID' });
    await expect(fixture.refreshTokens.rotate(second.refreshToken)).rejects.toMatchObject({ code: 'REFRESH_TOKEN_INVALID' });
  });
});
