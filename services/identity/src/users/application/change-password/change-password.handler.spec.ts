import { PasswordPolicy } from '../../../auth/password-policy';
import { ChangePasswordHandler } from './change-password.handler';
import { fakeHasher, usersFixture } from '../test-support/in-memory-users';

function handlerFor(fixture: ReturnType<typeof usersFixture>): ChangePasswordHandler {
  return new ChangePasswordHandler(fixture.users, fixture.credentials, fakeHasher, new PasswordPolicy(), fixture.refreshTokens, fixture.clock);
}

describe('ChangePasswordHandler', () => {
  it('changes the own password with the current one and ends every session', async () => {
    const fixture = usersFixture();
    const agent = await fixture.givenUser('agent', { password: 'old-password-123' });
    const session = await fixture.refreshTokens.issue({ userId: agent.userId, organizationId: agent.caller.organizationId });

    await handlerFor(fixture).execute({ caller: agent.caller, payload: { userId: agent.userId, currentPassword: 'old-password-123', newPassword: 'new-password-456' } });

    expect((await fixture.credentials.find(agent.userId))?.passwordHash).toBe('hashed:new-password-456');
    expect(fixture.users.eventsOf(agent.userId).at(-1)).toEqual({ type: 'UserPasswordChanged', data: { userId: agent.userId, changedBy: agent.userId } });
    await expect(fixture.refreshTokens.rotate(session.refreshToken)).rejects.toMatchObject({ code: 'REFRESH_TOKEN_INVALID' });
  });

  it('rejects a wrong current password and keeps the hash', async () => {
    const fixture = usersFixture();
    const agent = await fixture.givenUser('agent', { password: 'old-password-123' });

    await expect(
      handlerFor(fixture).execute({ caller: agent.caller, payload: { userId: agent.userId, currentPassword: 'wrong-password', newPassword: 'new-password-456' } }),
    ).rejects.toMatchObject({ code: 'CURRENT_PASSWORD_INCORRECT', status: 400 });
    expect((await fixture.credentials.find(agent.userId))?.passwordHash).toBe('hashed:old-password-123');
  });

  it("lets an admin set another user's password without the current one", async () => {
    const fixture = usersFixture();
    const admin = await fixture.givenUser('admin');
    const agent = await fixture.givenUser('agent');

    await handlerFor(fixture).execute({ caller: admin.caller, payload: { userId: agent.userId, newPassword: 'set-by-admin-789' } });

    expect((await fixture.credentials.find(agent.userId))?.passwordHash).toBe('hashed:set-by-admin-789');
  });

  it("rejects a supervisor setting another user's password", async () => {
    const fixture = usersFixture();
    const supervisor = await fixture.givenUser('supervisor');
    const agent = await fixture.givenUser('agent');

    await expect(handlerFor(fixture).execute({ caller: supervisor.caller, payload: { userId: agent.userId, newPassword: 'set-by-supervisor' } })).rejects.toMatchObject({ status: 403 });
  });
});
