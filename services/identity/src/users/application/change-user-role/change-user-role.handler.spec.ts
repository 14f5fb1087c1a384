import { ChangeUserRoleHandler } from './change-user-role.handler';
import { usersFixture } from '../test-support/in-memory-users';

describe('ChangeUserRoleHandler', () => {
  it('changes the role', async () => {
    const fixture = usersFixture();
    const { caller } = await fixture.givenUser('admin');
    const agent = await fixture.givenUser('agent');

    const view = await new ChangeUserRoleHandler(fixture.users).execute({ caller, payload: { userId: agent.userId, role: 'supervisor' } });

    expect(view).toMatchObject({ role: 'supervisor', version: 2 });
  });

  it('stores nothing when the role is the same', async () => {
    const fixture = usersFixture();
    const { caller } = await fixture.givenUser('admin');
    const agent = await fixture.givenUser('agent');

    const view = await new ChangeUserRoleHandler(fixture.users).execute({ caller, payload: { userId: agent.userId, role: 'agent' } });

    expect(view.version).toBe(1);
    expect(fixture.users.appended).toEqual([]);
  });

  it('rejects an admin who was demoted after the token was issued', async () => {
    const fixture = usersFixture();
    const admin = await fixture.givenUser('admin');
    const agent = await fixture.givenUser('agent');
    fixture.users.streams.get(admin.userId)?.push({ type: 'UserRoleChanged', data: { userId: admin.userId, oldRole: 'admin', newRole: 'agent' } });

    await expect(new ChangeUserRoleHandler(fixture.users).execute({ caller: admin.caller, payload: { userId: agent.userId, role: 'admin' } })).rejects.toMatchObject({ status: 403 });
  });
});
