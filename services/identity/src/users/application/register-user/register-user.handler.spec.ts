import { randomUUID } from 'node:crypto';
import { RegisterUserHandler } from './register-user.handler';
import { usersFixture } from '../test-support/in-memory-users';

const profile = { firstName: 'Budi', lastName: 'Santoso', email: 'Budi@Example.com ', phoneNumber: '+62 812-0000-1111', role: 'agent' as const, password: 'a-long-password-1' };

describe('RegisterUserHandler', () => {
  it('registers the user, stores the hash and claims the email', async () => {
    const fixture = usersFixture();
    const { caller } = await fixture.givenUser('admin');
    const userId = randomUUID();

    const view = await new RegisterUserHandler(fixture.newUsers, () => userId).execute({ caller, payload: profile });

    expect(view).toEqual({ id: userId, organizationId: caller.organizationId, firstName: 'Budi', lastName: 'Santoso', email: 'budi@example.com', phoneNumber: '+6281200001111', role: 'agent', status: 'active', version: 1 });
    expect(fixture.users.eventsOf(userId).map((event) => event.type)).toEqual(['UserRegistered']);
    expect(JSON.stringify(fixture.users.eventsOf(userId))).not.toContain('a-long-password-1');
    expect((await fixture.credentials.find(userId))?.passwordHash).toBe('hashed:a-long-password-1');
    expect((await fixture.claims.find('budi@example.com'))?.userId).toBe(userId);
  });

  it('rejects an email another user holds, in any organization', async () => {
    const fixture = usersFixture();
    const { caller } = await fixture.givenUser('admin');
    await fixture.givenUser('agent', { email: 'budi@example.com', organizationId: randomUUID() });

    await expect(new RegisterUserHandler(fixture.newUsers, randomUUID).execute({ caller, payload: profile })).rejects.toMatchObject({ code: 'EMAIL_ALREADY_USED', status: 409 });
  });

  it('rejects a short password and stores nothing', async () => {
    const fixture = usersFixture();
    const { caller } = await fixture.givenUser('admin');
    const userId = randomUUID();

    await expect(new RegisterUserHandler(fixture.newUsers, () => userId).execute({ caller, payload: { ...profile, password: 'short' } })).rejects.toMatchObject({ code: 'PASSWORD_TOO_SHORT' });
    expect(fixture.users.eventsOf(userId)).toEqual([]);
    expect(await fixture.claims.find('budi@example.com')).toBeNull();
  });

  it('rejects a supervisor and an admin who was deactivated', async () => {
    const fixture = usersFixture();
    const supervisor = await fixture.givenUser('supervisor');
    const admin = await fixture.givenUser('admin');
    fixture.users.streams.get(admin.userId)?.push({ type: 'UserDeactivated', data: { userId: admin.userId } });
    const handler = new RegisterUserHandler(fixture.newUsers, randomUUID);

    await expect(handler.execute({ caller: supervisor.caller, payload: profile })).rejects.toMatchObject({ code: 'ONLY_ADMINS_MANAGE_USERS', status: 403 });
    await expect(handler.execute({ caller: admin.caller, payload: profile })).rejects.toMatchObject({ code: 'ONLY_ADMINS_MANAGE_USERS', status: 403 });
  });

  it('takes over the claim of a deleted user', async () => {
    const fixture = usersFixture();
    const { caller } = await fixture.givenUser('admin');
    const deleted = await fixture.givenUser('agent', { email: 'budi@example.com' });
    fixture.users.streams.get(deleted.userId)?.push({ type: 'UserDeleted', data: { userId: deleted.userId } });
    const userId = randomUUID();

    await new RegisterUserHandler(fixture.newUsers, () => userId).execute({ caller, payload: profile });

    expect((await fixture.claims.find('budi@example.com'))?.userId).toBe(userId);
  });
});
