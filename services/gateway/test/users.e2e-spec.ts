import { eventually, ApiClient, IdentityTcpClient, TestOrganization, type TestUser, testPassword, testPhoneNumber, uniqueEmail } from '@regu/testing';
import type { UserPage, UserView } from '@regu/contracts';

const api = new ApiClient();
const identity = new IdentityTcpClient();
let organization: TestOrganization;
let other: TestOrganization;
let supervisor: TestUser;
let agent: TestUser;

beforeAll(async () => {
  [organization, other] = await Promise.all([TestOrganization.create({ api, identity }), TestOrganization.create({ api, identity })]);
  supervisor = await organization.addUser('supervisor');
  agent = await organization.addUser('agent');
});

afterAll(() => identity.close());

function newUserBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { firstName: 'Siti', lastName: 'Rahma', email: uniqueEmail('siti'), phoneNumber: testPhoneNumber(), role: 'agent', password: testPassword(), ...overrides };
}

function userNotFound(userId: string, instance: string): object {
  return {
    type: 'urn:regu:problem:user-not-found',
    title: 'Not Found',
    status: 404,
    detail: `User ${userId} was not found.`,
    code: 'USER_NOT_FOUND',
    correlationId: expect.any(String),
    instance,
  };
}

describe('users as an admin', () => {
  it('registers, reads, edits, changes the role, deactivates, reactivates and deletes a user', async () => {
    const admin = organization.admin.token;
    const body = newUserBody({ email: `  ${uniqueEmail('Mixed').toUpperCase()} `, phoneNumber: '+62 812-3456-7890' });

    const created = await api.post<UserView>('/users', { token: admin, body });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      organizationId: organization.organizationId,
      firstName: 'Siti',
      lastName: 'Rahma',
      email: String(body.email).trim().toLowerCase(),
      phoneNumber: '+6281234567890',
      role: 'agent',
      status: 'active',
      version: 1,
    });
    expect(created.headers.get('etag')).toBe('"1"');
    const id = created.body.id;

    const read = await api.get<UserView>(`/users/${id}`, { token: supervisor.token });
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);

    const edited = await api.patch<UserView>(`/users/${id}`, { token: admin, body: { lastName: 'Rahmawati' }, headers: { 'if-match': '"1"' } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ lastName: 'Rahmawati', version: 2 });

    const stale = await api.patch(`/users/${id}`, { token: admin, body: { lastName: 'Again' }, headers: { 'if-match': '"1"' } });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ code: 'PRECONDITION_FAILED' });

    const promoted = await api.put<UserView>(`/users/${id}/role`, { token: admin, body: { role: 'supervisor' } });
    expect(promoted.body).toMatchObject({ role: 'supervisor', version: 3 });

    const deactivated = await api.post<UserView>(`/users/${id}/deactivate`, { token: admin });
    expect(deactivated.body).toMatchObject({ status: 'deactivated' });
    const reactivated = await api.post<UserView>(`/users/${id}/reactivate`, { token: admin });
    expect(reactivated.body).toMatchObject({ status: 'active' });

    expect((await api.delete(`/users/${id}`, { token: admin })).status).toBe(204);
    expect((await api.delete(`/users/${id}`, { token: admin })).status).toBe(204);
    const afterDelete = await api.get(`/users/${id}`, { token: admin });
    expect(afterDelete.status).toBe(404);
    expect(afterDelete.body).toEqual(userNotFound(id, `/api/v1/users/${id}`));
  });

  it('lets a deleted email be registered again, and rejects a used one', async () => {
    const body = newUserBody();
    const first = await api.post<UserView>('/users', { token: organization.admin.token, body });

    const duplicate = await api.post('/users', { token: organization.admin.token, body: { ...body, email: String(body.email).toUpperCase() } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ code: 'EMAIL_ALREADY_USED' });

    await api.delete(`/users/${first.body.id}`, { token: organization.admin.token });
    const again = await api.post<UserView>('/users', { token: organization.admin.token, body });
    expect(again.status).toBe(201);
  });

  it('rejects role, organizationId and passwordHash slipped into a body', async () => {
    const create = await api.post('/users', { token: organization.admin.token, body: newUserBody({ organizationId: other.organizationId, passwordHash: 'x' }) });
    const edit = await api.patch(`/users/${agent.user.id}`, { token: organization.admin.token, body: { role: 'admin' } });

    expect(create.status).toBe(400);
    expect(create.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [
        { field: 'organizationId', code: 'UNKNOWN_FIELD', message: 'field is not allowed; remove it' },
        { field: 'passwordHash', code: 'UNKNOWN_FIELD', message: 'field is not allowed; remove it' },
      ],
    });
    expect(edit.status).toBe(400);
    expect(edit.body).toMatchObject({ errors: [{ field: 'role', code: 'UNKNOWN_FIELD', message: 'field is not allowed; remove it' }] });
  });

  it('rejects a short password and an admin changing their own role', async () => {
    const short = await api.post('/users', { token: organization.admin.token, body: newUserBody({ password: 'short' }) });
    const ownRole = await api.put(`/users/${organization.admin.user.id}/role`, { token: organization.admin.token, body: { role: 'agent' } });

    expect(short.status).toBe(400);
    expect(short.body).toMatchObject({ code: 'PASSWORD_TOO_SHORT', errors: [{ field: 'password', code: 'PASSWORD_TOO_SHORT' }] });
    expect(ownRole.status).toBe(409);
    expect(ownRole.body).toMatchObject({ code: 'OWN_ACCESS_CHANGE_NOT_ALLOWED' });
  });

  it('answers in Indonesian when asked', async () => {
    const response = await api.post('/users', { token: organization.admin.token, body: {}, headers: { 'accept-language': 'id' } });

    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ detail: 'Permintaan berisi kolom yang tidak valid; lihat errors untuk setiap kolom.' });
    expect((response.body as { errors: { message: string }[] }).errors[0]?.message).toBe('kolom wajib diisi');
  });
});

describe('listing users', () => {
  it('filters by role, searches by name and email, and pages', async () => {
    const marker = `Zq${Date.now().toString(36)}`;
    for (const [firstName, role] of [['Ani', 'agent'], ['Budi', 'agent'], ['Citra', 'supervisor']] as const) {
      const created = await api.post('/users', { token: organization.admin.token, body: newUserBody({ firstName, lastName: marker, role }) });
      expect(created.status).toBe(201);
    }

    await eventually(async () => {
      const all = await api.get<UserPage>(`/users?q=${marker}`, { token: supervisor.token });
      expect(all.body.total).toBe(3);
    });
    const agents = await api.get<UserPage>(`/users?q=${marker.toLowerCase()}&role=agent&limit=1`, { token: supervisor.token });
    expect(agents.body.total).toBe(2);
    expect(agents.body.items.map((user) => user.firstName)).toEqual(['Ani']);
    const secondPage = await api.get<UserPage>(`/users?q=${marker}&role=agent&limit=1&offset=1`, { token: supervisor.token });
    expect(secondPage.body.items.map((user) => user.firstName)).toEqual(['Budi']);
    const byFullName = await api.get<UserPage>(`/users?q=${encodeURIComponent(`citra ${marker}`)}`, { token: organization.admin.token });
    expect(byFullName.body.items.map((user) => user.firstName)).toEqual(['Citra']);
  });

  it('caps the page size at 100', async () => {
    const response = await api.get('/users?limit=101', { token: organization.admin.token });

    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ errors: [{ field: 'limit', code: 'VALIDATION_MAX' }] });
  });

  it('treats regex and operator input as text or rejects it', async () => {
    for (const query of ['q=.*', 'q=%5E', 'q=%24where', `q=${encodeURIComponent('a|b')}`]) {
      const response = await api.get<UserPage>(`/users?${query}`, { token: organization.admin.token });
      expect({ query, status: response.status, total: response.body.total }).toEqual({ query, status: 200, total: 0 });
    }
    for (const query of ['q[$ne]=x', 'q[$regex]=.*', 'role[$ne]=agent', 'role[$gt]=', 'q=a&q=b', `role=${encodeURIComponent('{"$ne":null}')}`]) {
      const response = await api.get(`/users?${query}`, { token: organization.admin.token });
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
    }
  });

  it('rejects operator payloads in bodies', async () => {
    const responses = await Promise.all([
      api.post('/users', { token: organization.admin.token, body: newUserBody({ email: { $gt: '' } }) }),
      api.patch(`/users/${agent.user.id}`, { token: organization.admin.token, body: { firstName: { $ne: null } } }),
      api.put(`/users/${agent.user.id}/role`, { token: organization.admin.token, body: { role: { $in: ['admin'] } } }),
      api.patch(`/users/${agent.user.id}`, { token: organization.admin.token, body: { $where: 'sleep(1000)' } }),
    ]);

    expect(responses.map((response) => response.status)).toEqual([400, 400, 400, 400]);
  });

  it('rejects an id that is not a UUID', async () => {
    const response = await api.get(`/users/${encodeURIComponent('{"$ne":null}')}`, { token: organization.admin.token });

    expect(response.status).toBe(400);
  });
});

describe('roles', () => {
  it('lets an agent read only their own profile', async () => {
    const me = await api.get<UserView>('/users/me', { token: agent.token });
    const someone = await api.get(`/users/${supervisor.user.id}`, { token: agent.token });
    const list = await api.get('/users', { token: agent.token });

    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: agent.user.id, email: agent.email, role: 'agent' });
    expect(someone.status).toBe(403);
    expect(list.status).toBe(403);
  });

  it('lets a supervisor read but not change users', async () => {
    expect((await api.get('/users', { token: supervisor.token })).status).toBe(200);
    expect((await api.patch(`/users/${agent.user.id}`, { token: supervisor.token, body: { firstName: 'X' } })).status).toBe(403);
  });
});

describe("another organization's user", () => {
  it('answers 404 on read, update and delete', async () => {
    const stranger = await other.addUser('agent');
    const id = stranger.user.id;
    const admin = organization.admin.token;

    const responses = {
      read: await api.get(`/users/${id}`, { token: admin }),
      update: await api.patch(`/users/${id}`, { token: admin, body: { firstName: 'Mallory' } }),
      role: await api.put(`/users/${id}/role`, { token: admin, body: { role: 'admin' } }),
      deactivate: await api.post(`/users/${id}/deactivate`, { token: admin }),
      password: await api.post(`/users/${id}/password`, { token: admin, body: { newPassword: testPassword() } }),
      delete: await api.delete(`/users/${id}`, { token: admin }),
    };

    for (const [action, response] of Object.entries(responses)) {
      expect({ action, status: response.status }).toEqual({ action, status: 404 });
    }
    expect(responses.read.body).toEqual(userNotFound(id, `/api/v1/users/${id}`));
    expect(responses.delete.body).toEqual(userNotFound(id, `/api/v1/users/${id}`));
    const untouched = await api.get<UserView>(`/users/${id}`, { token: other.admin.token });
    expect(untouched.body).toMatchObject({ firstName: 'Test', role: 'agent', status: 'active' });
    await expect(identity.login(stranger.email, stranger.password)).resolves.toMatchObject({ tokenType: 'Bearer' });
  });

  it('never appears in a list', async () => {
    const stranger = await other.addUser('agent', { lastName: `Other${Date.now().toString(36)}` });

    await eventually(async () => {
      const theirs = await api.get<UserPage>(`/users?q=${stranger.user.lastName}`, { token: other.admin.token });
      expect(theirs.body.total).toBe(1);
    });
    const ours = await api.get<UserPage>(`/users?q=${stranger.user.lastName}`, { token: organization.admin.token });
    expect(ours.body.total).toBe(0);
  });
});
