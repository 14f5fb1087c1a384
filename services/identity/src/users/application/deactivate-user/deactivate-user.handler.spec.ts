import { DeactivateUserHandler } from './deactivate-user.handler';
import { usersFixture } from '../test-support/in-memory-users';

describe('DeactivateUserHandler', () => {
  it('deactivates the user and revokes every refresh token', async () => {
    const fixture = usersFixture();
    const { caller } = await fixture.givenUser('admin');
    const agent = await fixture.givenUser('agent');
    const session = await fixture.refreshTokens.issue({ userId: agent.userId, organizationId: caller.organizationId });

    const view = await new DeactivateUserHandler(fixture.users, fixture.refreshTokens).execute({ caller, payload: { userId: agent.userId } });

    expect(view).toMatchObject({ status: 'deactivated', version: 2 });
    await expect(fixture.refreshTokens.rotate(session.refreshToken)).rejects.toMatchObject({ code: 'REFRESH_TOKEN_INVALID' });
  });

  it('rejects deactivating oneself', async () => {
    const fixture = usersFixture();
    const admin = await fixture.givenUser('admin');

    await expect(new DeactivateUserHandler(fixture.users, fixture.refreshTokens).execute({ caller: admin.caller, payload: { userId: admin.userId } })).rejects.toMatchObject({
      code: 'OWN_ACCESS_CHANGE_NOT_ALLOWED',
    });
  });
});
