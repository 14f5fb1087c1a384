import { randomUUID } from 'node:crypto';
import { GetUserHandler } from './get-user.handler';
import { usersFixture } from '../test-support/in-memory-users';

describe('GetUserHandler', () => {
  it('returns a user of the organization to a supervisor', async () => {
    const fixture = usersFixture();
    const supervisor = await fixture.givenUser('supervisor');
    const agent = await fixture.givenUser('agent');

    await expect(new GetUserHandler(fixture.users).execute({ caller: supervisor.caller, payload: { userId: agent.userId } })).resolves.toMatchObject({ id: agent.userId, version: 1 });
  });

  it('lets an agent read only themselves', async () => {
    const fixture = usersFixture();
    const agent = await fixture.givenUser('agent');
    const colleague = await fixture.givenUser('agent');
    const handler = new GetUserHandler(fixture.users);

    await expect(handler.execute({ caller: agent.caller, payload: { userId: agent.userId } })).resolves.toMatchObject({ id: agent.userId });
    await expect(handler.execute({ caller: agent.caller, payload: { userId: colleague.userId } })).rejects.toMatchObject({ code: 'USER_NOT_FOUND' });
  });

  it("answers 404 for another organization's user and an unknown id", async () => {
    const fixture = usersFixture();
    const admin = await fixture.givenUser('admin');
    const stranger = await fixture.givenUser('agent', { organizationId: randomUUID() });
    const handler = new GetUserHandler(fixture.users);

    await expect(handler.execute({ caller: admin.caller, payload: { userId: stranger.userId } })).rejects.toMatchObject({ code: 'USER_NOT_FOUND', status: 404 });
    await expect(handler.execute({ caller: admin.caller, payload: { userId: randomUUID() } })).rejects.toMatchObject({ code: 'USER_NOT_FOUND', status: 404 });
  });
});
