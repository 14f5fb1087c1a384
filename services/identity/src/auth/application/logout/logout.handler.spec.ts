import { randomUUID } from 'node:crypto';
import { usersFixture } from '../../../users/application/test-support/in-memory-users';
import { LogoutHandler } from './logout.handler';

const noCaller = { organizationId: '', userId: '', role: 'agent' as const, correlationId: randomUUID() };

describe('LogoutHandler', () => {
  it('revokes the token and ignores an unknown one', async () => {
    const fixture = usersFixture();
    const session = await fixture.refreshTokens.issue({ userId: randomUUID(), organizationId: randomUUID() });
    const handler = new LogoutHandler(fixture.refreshTokens);

    await handler.execute({ caller: noCaller, payload: { refreshToken: session.refreshToken } });
    await handler.execute({ caller: noCaller, payload: { refreshToken: 'unknown' } });

    await expect(fixture.refreshTokens.rotate(session.refreshToken)).rejects.toMatchObject({ code: 'REFRESH_TOKEN_INVALID' });
  });
});
