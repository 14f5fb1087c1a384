import { randomUUID } from 'node:crypto';
import { EditUserProfileHandler } from './edit-user-profile.handler';
import { usersFixture } from '../test-support/in-memory-users';

describe('EditUserProfileHandler', () => {
  it('changes the email and moves the claim', async () => {
    const fixture = usersFixture();
    const { caller } = await fixture.givenUser('admin');
    const agent = await fixture.givenUser('agent');

    const view = await new EditUserProfileHandler(fixture.users, fixture.emails).execute({ caller, payload: { userId: agent.userId, changes: { email: 'New@Example.com' } } });

    expect(view).toMatchObject({ email: 'new@example.com', version: 2 });
    expect((await fixture.claims.find('new@example.com'))?.userId).toBe(agent.userId);
    expect(await fixture.claims.find(agent.email)).toBeNull();
  });

  it('keeps both claims as they were when the email is taken', async () => {
    const fixture = usersFixture();
    const { caller } = await fixture.givenUser('admin');
    const agent = await fixture.givenUser('agent');
    const other = await fixture.givenUser('agent');

    await expect(new EditUserProfileHandler(fixture.users, fixture.emails).execute({ caller, payload: { userId: agent.userId, changes: { email: other.email } } })).rejects.toMatchObject({
      code: 'EMAIL_ALREADY_USED',
    });
    expect((await fixture.claims.find(agent.email))?.userId).toBe(agent.userId);
    expect((await fixture.claims.find(other.email))?.userId).toBe(other.userId);
  });

  it('rejects a stale If-Match version even for a no-op', async () => {
    const fixture = usersFixture();
    const { caller } = await fixture.givenUser('admin');
    const agent = await fixture.givenUser('agent');

    await expect(new EditUserProfileHandler(fixture.users, fixture.emails).execute({ caller, expectedVersion: 7, payload: { userId: agent.userId, changes: {} } })).rejects.toMatchObject({
      code: 'STREAM_VERSION_CONFLICT',
    });
  });

  it("answers 404 for another organization's user", async () => {
    const fixture = usersFixture();
    const { caller } = await fixture.givenUser('admin');
    const stranger = await fixture.givenUser('agent', { organizationId: randomUUID() });

    await expect(new EditUserProfileHandler(fixture.users, fixture.emails).execute({ caller, payload: { userId: stranger.userId, changes: { firstName: 'X' } } })).rejects.toMatchObject({
      code: 'USER_NOT_FOUND',
      status: 404,
    });
  });
});
