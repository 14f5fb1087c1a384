import { DeleteUserHandler } from './delete-user.handler';
import { usersFixture } from '../test-support/in-memory-users';

describe('DeleteUserHandler', () => {
  it('deletes the user, the hash, the claim and the sessions', async () => {
    const fixture = usersFixture();
    const { caller } = await fixture.givenUser('admin');
    const agent = await fixture.givenUser('agent');
    const session = await fixture.refreshTokens.issue({ userId: agent.userId, organizationId: caller.organizationId });
    const handler = new DeleteUserHandler(fixture.users, fixture.credentials, fixture.emails, fixture.refreshTokens);

    await handler.execute({ caller, payload: { userId: agent.userId } });

    expect(fixture.users.eventsOf(agent.userId).map((event) => event.type)).toEqual(['UserRegistered', 'UserDeleted']);
    expect(await fixture.credentials.find(agent.userId)).toBeNull();
    expect(await fixture.claims.find(agent.email)).toBeNull();
    await expect(fixture.refreshTokens.rotate(session.refreshToken)).rejects.toMatchObject({ code: 'REFRESH_TOKEN_INVALID' });
  });

  it('is idempotent', async () => {
    const fixture = usersFixture();
    const { caller } = await fixture.givenUser('admin');
    const agent = await fixture.givenUser('agent');
    const handler = new DeleteUserHandler(fixture.users, fixture.credentials, fixture.emails, fixture.refreshTokens);

    await handler.execute({ caller, payload: { userId: agent.userId } });
    await handler.execute({ caller, payload: { userId: agent.userId } });

    expect(fixture.users.eventsOf(agent.userId)).toHaveLength(2);
  });
});
