import { ReactivateUserHandler } from './reactivate-user.handler';
import { usersFixture } from '../test-support/in-memory-users';

describe('ReactivateUserHandler', () => {
  it('reactivates a deactivated user', async () => {
    const fixture = usersFixture();
    const { caller } = await fixture.givenUser('admin');
    const agent = await fixture.givenUser('agent');
    fixture.users.streams.get(agent.userId)?.push({ type: 'UserDeactivated', data: { userId: agent.userId } });

    const view = await new ReactivateUserHandler(fixture.users).execute({ caller, payload: { userId: agent.userId } });

    expect(view).toMatchObject({ status: 'active', version: 3 });
  });

  it('changes nothing for an active user', async () => {
    const fixture = usersFixture();
    const { caller } = await fixture.givenUser('admin');
    const agent = await fixture.givenUser('agent');

    const view = await new ReactivateUserHandler(fixture.users).execute({ caller, payload: { userId: agent.userId } });

    expect(view).toMatchObject({ status: 'active', version: 1 });
  });
});
