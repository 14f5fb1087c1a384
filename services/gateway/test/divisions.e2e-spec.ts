import { randomUUID } from 'node:crypto';
import { ApiClient, eventually, IdentityTcpClient, TestOrganization, type TestUser, WhatsAppSimulatorControl } from '@regu/testing';

const api = new ApiClient();
const identity = new IdentityTcpClient();
const simulator = new WhatsAppSimulatorControl();

/** How long a test waits for a projection to catch up, with room for a busy machine. */
const PROJECTION_DEADLINE = { timeoutMs: 30_000, intervalMs: 200 };

interface NamedReference {
  id: string;
  name: string | null;
}

interface DivisionBody {
  id: string;
  name: string;
  supervisor: NamedReference | null;
  agents: NamedReference[];
  channelScope: { kind: 'all' } | { kind: 'specific'; channels: NamedReference[] };
  needsSupervisor: boolean;
  hasNoAgents: boolean;
  hasNoChannels: boolean;
  version: number;
}

interface DivisionPage {
  items: DivisionBody[];
  total: number;
  nextCursor: string | null;
}

interface EffectiveWorkload {
  agentId: string;
  name: string;
  limit: number | 'unlimited';
  source: 'agent' | 'division' | 'organization';
  divisionId?: string;
  divisionIds: string[];
}

interface ChannelRouting {
  channel: { channelId: string; name: string; status: string };
  divisions: Array<{
    divisionId: string;
    name: string;
    supervisorId: string | null;
    agents: Array<{ agentId: string; name: string; workloadLimit: number | 'unlimited'; workloadLimitSource: string; mayUseBroadcast: boolean }>;
  }>;
  allocation: Record<string, unknown> & { version: number };
}

let organization: TestOrganization;
let other: TestOrganization;
let supervisor: TestUser;
let agents: TestUser[];
let stranger: TestUser;
let channelId: string;

function fullName(user: TestUser): string {
  return `${user.user.firstName} ${user.user.lastName}`;
}

function reference(user: TestUser): NamedReference {
  return { id: user.user.id, name: fullName(user) };
}

/** Waits until the divisions service's directory lists every user as an active agent. */
async function waitForAgents(users: TestUser[]): Promise<void> {
  await eventually(async () => {
    const response = await api.get<{ items: EffectiveWorkload[] }>('/agents/effective-workload?limit=100', { token: organization.admin.token });
    expect(response.status).toBe(200);
    const known = new Set(response.body.items.map((item) => item.agentId));
    expect(users.map((user) => user.user.id).filter((id) => !known.has(id))).toEqual([]);
  }, PROJECTION_DEADLINE);
}

/** Creates a division and waits until the list projection shows it. */
async function createDivision(body: Record<string, unknown>): Promise<DivisionBody> {
  const created = await api.post<DivisionBody>('/divisions', { token: organization.admin.token, body });
  if (created.status !== 201) {
    throw new Error(`Creating division ${String(body.name)} failed with ${created.status}: ${JSON.stringify(created.body)}`);
  }
  await eventually(async () => {
    const page = await api.get<DivisionPage>(`/divisions?q=${encodeURIComponent(created.body.name)}`, { token: organization.admin.token });
    expect(page.body.items.map((division) => division.id)).toContain(created.body.id);
  }, PROJECTION_DEADLINE);
  return created.body;
}

async function routingOf(id: string): Promise<ChannelRouting> {
  const response = await api.get<ChannelRouting>(`/routing/channels/${id}`, { token: organization.admin.token });
  expect(response.status).toBe(200);
  return response.body;
}

function routedAgentIds(routing: ChannelRouting, divisionId: string): string[] {
  return routing.divisions.find((division) => division.divisionId === divisionId)?.agents.map((agent) => agent.agentId) ?? [];
}

function uniqueName(prefix: string): string {
  return `${prefix} ${randomUUID().slice(0, 8)}`;
}

beforeAll(async () => {
  [organization, other] = await Promise.all([TestOrganization.create({ api, identity }), TestOrganization.create({ api, identity })]);
  supervisor = await organization.addUser('supervisor', { firstName: 'Sari' });
  agents = [];
  for (const firstName of ['Ani', 'Budi', 'Citra', 'Dewi']) {
    agents.push(await organization.addUser('agent', { firstName }));
  }
  stranger = await other.addUser('agent', { firstName: 'Stranger' });

  const account = await simulator.addAccount();
  const channel = await api.post<{ id: string }>('/channels/whatsapp', {
    token: organization.admin.token,
    body: { displayName: 'Divisions E2E line', phoneNumber: account.phoneNumber, wabaId: account.wabaId, phoneNumberId: account.phoneNumberId, accessToken: account.accessToken },
  });
  if (channel.status !== 201) {
    throw new Error(`Connecting the test channel failed with ${channel.status}: ${JSON.stringify(channel.body)}`);
  }
  channelId = channel.body.id;

  await waitForAgents(agents);
  await eventually(() => routingOf(channelId), PROJECTION_DEADLINE);
});

afterAll(async () => {
  await api.delete(`/channels/whatsapp/${channelId}`, { token: organization.admin.token });
  identity.close();
});

describe('creating a division', () => {
  it('lists every missing field', async () => {
    const response = await api.post('/divisions', { token: organization.admin.token, body: {} });

    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      type: 'urn:regu:problem:validation-failed',
      title: 'Bad Request',
      status: 400,
      detail: 'The request has invalid fields; see errors for each one.',
      code: 'VALIDATION_FAILED',
      correlationId: expect.any(String),
      instance: '/api/v1/divisions',
      errors: [
        { field: 'name', code: 'FIELD_REQUIRED', message: 'field is required' },
        { field: 'supervisorId', code: 'FIELD_REQUIRED', message: 'field is required' },
        { field: 'agentIds', code: 'FIELD_REQUIRED', message: 'field is required' },
      ],
    });
  });

  it('lists every missing field in Indonesian', async () => {
    const response = await api.post('/divisions', { token: organization.admin.token, body: {}, headers: { 'accept-language': 'id' } });

    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      type: 'urn:regu:problem:validation-failed',
      title: 'Bad Request',
      status: 400,
      detail: 'Permintaan berisi kolom yang tidak valid; lihat errors untuk setiap kolom.',
      code: 'VALIDATION_FAILED',
      correlationId: expect.any(String),
      instance: '/api/v1/divisions',
      errors: [
        { field: 'name', code: 'FIELD_REQUIRED', message: 'kolom wajib diisi' },
        { field: 'supervisorId', code: 'FIELD_REQUIRED', message: 'kolom wajib diisi' },
        { field: 'agentIds', code: 'FIELD_REQUIRED', message: 'kolom wajib diisi' },
      ],
    });
  });

  it("rejects another organization's agent", async () => {
    await eventually(async () => {
      const theirs = await api.get<{ items: EffectiveWorkload[] }>('/agents/effective-workload', { token: other.admin.token });
      expect(theirs.body.items.map((item) => item.agentId)).toContain(stranger.user.id);
    }, PROJECTION_DEADLINE);

    const response = await api.post('/divisions', {
      token: organization.admin.token,
      body: { name: uniqueName('Mixed'), supervisorId: supervisor.user.id, agentIds: [agents[0].user.id, stranger.user.id] },
    });

    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      type: 'urn:regu:problem:agents-not-active',
      title: 'Bad Request',
      status: 400,
      detail: `These users are not active agents of this organization: ${stranger.user.id}.`,
      code: 'AGENTS_NOT_ACTIVE',
      correlationId: expect.any(String),
      instance: '/api/v1/divisions',
      errors: [
        { field: 'agentIds[1]', code: 'AGENTS_NOT_ACTIVE', message: `These users are not active agents of this organization: ${stranger.user.id}.` },
      ],
    });
    const indonesian = await api.post('/divisions', {
      token: organization.admin.token,
      body: { name: uniqueName('Mixed'), supervisorId: supervisor.user.id, agentIds: [stranger.user.id] },
      headers: { 'accept-language': 'id' },
    });
    expect(indonesian.body).toMatchObject({
      detail: `Pengguna berikut bukan agen aktif di organisasi ini: ${stranger.user.id}.`,
      errors: [{ field: 'agentIds[0]', code: 'AGENTS_NOT_ACTIVE', message: `Pengguna berikut bukan agen aktif di organisasi ini: ${stranger.user.id}.` }],
    });
  });

  it('rejects a name used in any case, and reuses a deleted one', async () => {
    const name = uniqueName('Billing');
    const first = await createDivision({ name, supervisorId: supervisor.user.id, agentIds: [agents[0].user.id] });

    const duplicate = await api.post('/divisions', {
      token: organization.admin.token,
      body: { name: `  ${name.toUpperCase()} `, supervisorId: supervisor.user.id, agentIds: [agents[0].user.id] },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ code: 'DIVISION_NAME_ALREADY_USED', errors: [{ field: 'name', code: 'DIVISION_NAME_ALREADY_USED' }] });

    expect((await api.delete(`/divisions/${first.id}`, { token: organization.admin.token })).status).toBe(204);
    expect((await api.delete(`/divisions/${first.id}`, { token: organization.admin.token })).status).toBe(204);
    const again = await api.post<DivisionBody>('/divisions', { token: organization.admin.token, body: { name, supervisorId: supervisor.user.id, agentIds: [agents[0].user.id] } });
    expect(again.status).toBe(201);
    expect((await api.get(`/divisions/${first.id}`, { token: organization.admin.token })).status).toBe(404);
  });
});

describe('writes with If-Match', () => {
  it('lets one of two concurrent edits win', async () => {
    const division = await createDivision({ name: uniqueName('Race'), supervisorId: supervisor.user.id, agentIds: [agents[0].user.id] });
    const read = await api.get<DivisionBody>(`/divisions/${division.id}`, { token: organization.admin.token });
    const etag = read.headers.get('etag') ?? '';
    expect(etag).toBe(`"${division.version}"`);

    const [left, right] = await Promise.all(
      ['Left', 'Right'].map((side) =>
        api.patch<DivisionBody>(`/divisions/${division.id}`, { token: organization.admin.token, body: { name: uniqueName(side) }, headers: { 'if-match': etag } }),
      ),
    );

    expect([left.status, right.status].sort()).toEqual([200, 412]);
    const [winner, loser] = left.status === 200 ? [left, right] : [right, left];
    expect(winner.headers.get('etag')).toBe(`"${division.version + 1}"`);
    expect(loser.body).toEqual({
      type: 'urn:regu:problem:precondition-failed',
      title: 'Precondition Failed',
      status: 412,
      detail: expect.any(String),
      code: 'PRECONDITION_FAILED',
      correlationId: expect.any(String),
      instance: `/api/v1/divisions/${division.id}`,
    });
    const after = await api.get<DivisionBody>(`/divisions/${division.id}`, { token: organization.admin.token });
    expect(after.body.name).toBe(winner.body.name);
    expect(after.body.version).toBe(division.version + 1);
  });
});

describe('agents leaving a division', () => {
  it('removes a deactivated agent from divisions and routing', async () => {
    const leaving = await organization.addUser('agent', { firstName: 'Eka' });
    await waitForAgents([leaving]);
    const division = await createDivision({ name: uniqueName('Leavers'), supervisorId: supervisor.user.id, agentIds: [agents[1].user.id, leaving.user.id] });
    await eventually(async () => {
      expect(routedAgentIds(await routingOf(channelId), division.id)).toEqual([agents[1].user.id, leaving.user.id]);
    }, PROJECTION_DEADLINE);

    const deactivated = await api.post(`/users/${leaving.user.id}/deactivate`, { token: organization.admin.token });
    expect(deactivated.status).toBe(200);

    await eventually(async () => {
      const read = await api.get<DivisionBody>(`/divisions/${division.id}`, { token: organization.admin.token });
      expect(read.body.agents).toEqual([reference(agents[1])]);
    }, PROJECTION_DEADLINE);
    await eventually(async () => {
      expect(routedAgentIds(await routingOf(channelId), division.id)).toEqual([agents[1].user.id]);
    }, PROJECTION_DEADLINE);
    const byAgent = await api.get<DivisionPage>(`/divisions?agentId=${leaving.user.id}`, { token: organization.admin.token });
    expect(byAgent.body.total).toBe(0);
  });

  it('keeps the last agent when an admin removes them', async () => {
    const division = await createDivision({ name: uniqueName('Solo'), supervisorId: supervisor.user.id, agentIds: [agents[2].user.id] });

    const response = await api.delete(`/divisions/${division.id}/agents/${agents[2].user.id}`, { token: organization.admin.token });

    expect(response.status).toBe(409);
    expect(response.body).toEqual({
      type: 'urn:regu:problem:last-agent-cannot-be-removed',
      title: 'Conflict',
      status: 409,
      detail: `Agent ${agents[2].user.id} is the last agent of division ${division.id}; add another agent before removing this one.`,
      code: 'LAST_AGENT_CANNOT_BE_REMOVED',
      correlationId: expect.any(String),
      instance: `/api/v1/divisions/${division.id}/agents/${agents[2].user.id}`,
    });
    const read = await api.get<DivisionBody>(`/divisions/${division.id}`, { token: organization.admin.token });
    expect(read.body.agents).toEqual([reference(agents[2])]);
  });

  it('removes one of two agents', async () => {
    const division = await createDivision({ name: uniqueName('Pair'), supervisorId: supervisor.user.id, agentIds: [agents[2].user.id, agents[3].user.id] });

    const removed = await api.delete(`/divisions/${division.id}/agents/${agents[3].user.id}`, { token: organization.admin.token, headers: { 'if-match': `"${division.version}"` } });

    expect(removed.status).toBe(204);
    expect(removed.headers.get('etag')).toBe(`"${division.version + 1}"`);
    const read = await api.get<DivisionBody>(`/divisions/${division.id}`, { token: organization.admin.token });
    expect(read.body.agents).toEqual([reference(agents[2])]);
  });
});

describe('reacting to identity and WhatsApp', () => {
  it('marks a division whose supervisor is deactivated', async () => {
    const leavingSupervisor = await organization.addUser('supervisor', { firstName: 'Fajar' });
    const division = await eventually(
      () => createDivision({ name: uniqueName('Orphaned'), supervisorId: leavingSupervisor.user.id, agentIds: [agents[0].user.id] }),
      PROJECTION_DEADLINE,
    );

    expect((await api.post(`/users/${leavingSupervisor.user.id}/deactivate`, { token: organization.admin.token })).status).toBe(200);

    await eventually(async () => {
      const read = await api.get<DivisionBody>(`/divisions/${division.id}`, { token: organization.admin.token });
      expect(read.body).toMatchObject({ supervisor: null, needsSupervisor: true, agents: [reference(agents[0])] });
    }, PROJECTION_DEADLINE);
  });

  it('marks a division whose only channel is disconnected', async () => {
    const account = await simulator.addAccount();
    const connected = await api.post<{ id: string }>('/channels/whatsapp', {
      token: organization.admin.token,
      body: { displayName: 'Short-lived line', phoneNumber: account.phoneNumber, wabaId: account.wabaId, phoneNumberId: account.phoneNumberId, accessToken: account.accessToken },
    });
    expect(connected.status).toBe(201);
    const shortLivedId = connected.body.id;
    await eventually(() => routingOf(shortLivedId), PROJECTION_DEADLINE);
    const division = await createDivision({
      name: uniqueName('Campaign'),
      supervisorId: supervisor.user.id,
      agentIds: [agents[0].user.id],
      channelScope: { kind: 'specific', channelIds: [shortLivedId] },
    });
    await eventually(async () => {
      expect(routedAgentIds(await routingOf(shortLivedId), division.id)).toEqual([agents[0].user.id]);
    }, PROJECTION_DEADLINE);

    expect((await api.delete(`/channels/whatsapp/${shortLivedId}`, { token: organization.admin.token })).status).toBe(204);

    await eventually(async () => {
      const read = await api.get<DivisionBody>(`/divisions/${division.id}`, { token: organization.admin.token });
      expect(read.body).toMatchObject({ channelScope: { kind: 'specific', channels: [] }, hasNoChannels: true });
    }, PROJECTION_DEADLINE);
    await eventually(async () => {
      const routing = await routingOf(shortLivedId);
      expect(routing.channel.status).toBe('disconnected');
      expect(routing.divisions).toEqual([]);
    }, PROJECTION_DEADLINE);
  });
});

describe('a supervisor', () => {
  it('reads divisions and settings but changes nothing', async () => {
    const division = await createDivision({ name: uniqueName('Watched'), supervisorId: supervisor.user.id, agentIds: [agents[0].user.id] });
    const token = supervisor.token;

    const reads = {
      list: await api.get('/divisions', { token }),
      one: await api.get(`/divisions/${division.id}`, { token }),
      allocation: await api.get('/settings/allocation', { token }),
      workload: await api.get('/settings/workload', { token }),
      broadcast: await api.get('/settings/broadcast', { token }),
      effective: await api.get('/agents/effective-workload', { token }),
      routing: await api.get(`/routing/channels/${channelId}`, { token }),
    };
    const writes = {
      create: await api.post('/divisions', { token, body: { name: uniqueName('Nope'), supervisorId: supervisor.user.id, agentIds: [agents[0].user.id] } }),
      update: await api.patch(`/divisions/${division.id}`, { token, body: { name: uniqueName('Renamed') } }),
      addAgents: await api.post(`/divisions/${division.id}/agents`, { token, body: { agentIds: [agents[1].user.id] } }),
      removeAgent: await api.delete(`/divisions/${division.id}/agents/${agents[0].user.id}`, { token }),
      delete: await api.delete(`/divisions/${division.id}`, { token }),
      workload: await api.put('/settings/workload', { token, body: { organizationLimit: 3 } }),
      broadcast: await api.put(`/settings/broadcast/agents/${agents[0].user.id}`, { token }),
    };

    for (const [action, response] of Object.entries(reads)) {
      expect({ action, status: response.status }).toEqual({ action, status: 200 });
    }
    for (const [action, response] of Object.entries(writes)) {
      expect({ action, status: response.status }).toEqual({ action, status: 403 });
    }
    expect(writes.update.body).toEqual({
      type: 'urn:regu:problem:role-not-allowed',
      title: 'Forbidden',
      status: 403,
      detail: expect.any(String),
      code: 'ROLE_NOT_ALLOWED',
      correlationId: expect.any(String),
      instance: `/api/v1/divisions/${division.id}`,
    });
    const after = await api.get<DivisionBody>(`/divisions/${division.id}`, { token });
    expect(after.body).toEqual(division);
  });
});

describe('Agents Management set-up', () => {
  it('configures divisions, allocation, workload and broadcast for routing', async () => {
    const admin = organization.admin.token;
    const [ani, budi, citra, dewi] = agents;
    const marker = randomUUID().slice(0, 6);

    const sales = await createDivision({ name: `Sales ${marker}`, supervisorId: supervisor.user.id, agentIds: [ani.user.id, budi.user.id] });
    expect(sales).toEqual({
      id: expect.any(String),
      name: `Sales ${marker}`,
      supervisor: reference(supervisor),
      agents: [reference(ani), reference(budi)],
      channelScope: { kind: 'all' },
      needsSupervisor: false,
      hasNoAgents: false,
      hasNoChannels: false,
      version: 1,
    });
    const support = await createDivision({
      name: `Support ${marker}`,
      supervisorId: supervisor.user.id,
      agentIds: [citra.user.id],
      channelScope: { kind: 'specific', channelIds: [channelId] },
    });
    expect(support.channelScope).toEqual({ kind: 'specific', channels: [{ id: channelId, name: 'Divisions E2E line' }] });

    const added = await api.post<DivisionBody>(`/divisions/${support.id}/agents`, { token: admin, body: { agentIds: [dewi.user.id, citra.user.id] }, headers: { 'if-match': `"${support.version}"` } });
    expect(added.status).toBe(200);
    expect(added.body.agents).toEqual([reference(citra), reference(dewi)]);

    const renamed = await api.patch<DivisionBody>(`/divisions/${support.id}`, { token: admin, body: { name: `Customer Support ${marker}` }, headers: { 'if-match': added.headers.get('etag') ?? '' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe(`Customer Support ${marker}`);

    await eventually(async () => {
      const searched = await api.get<DivisionPage>(`/divisions?q=${encodeURIComponent(`support ${marker}`.toUpperCase())}`, { token: admin });
      expect(searched.body.items.map((division) => division.name)).toEqual([`Customer Support ${marker}`]);
    }, PROJECTION_DEADLINE);
    const byAgent = await api.get<DivisionPage>(`/divisions?agentId=${dewi.user.id}&q=${marker}`, { token: admin });
    expect(byAgent.body.items.map((division) => division.id)).toEqual([support.id]);
    const byChannel = await api.get<DivisionPage>(`/divisions?channelId=${channelId}&q=${marker}`, { token: admin });
    expect(byChannel.body.items.map((division) => division.id).sort()).toEqual([sales.id, support.id].sort());
    const firstPage = await api.get<DivisionPage>(`/divisions?q=${marker}&limit=1`, { token: admin });
    expect(firstPage.body.total).toBe(2);
    expect(firstPage.body.items).toHaveLength(1);

    const allocationBody = {
      agentsMayTakeUnassignedChats: true,
      agentsMayTransferChats: false,
      automaticAllocation: { enabled: true, strategy: 'least_busy', onlineAgentsOnly: true },
      customAllocation: { enabled: false, webhookUrl: null },
      idleRule: { enabled: true, idleMinutes: 15, reassignAttempts: 2 },
    };
    const current = await api.get<{ version: number }>('/settings/allocation', { token: admin });
    const loopback = await api.put('/settings/allocation', {
      token: admin,
      body: { ...allocationBody, automaticAllocation: { ...allocationBody.automaticAllocation, enabled: false }, customAllocation: { enabled: true, webhookUrl: 'https://127.0.0.1/hook' } },
    });
    expect(loopback.status).toBe(400);
    expect(loopback.body).toMatchObject({ errors: [{ field: 'customAllocation.webhookUrl', code: 'WEBHOOK_URL_NOT_PUBLIC' }] });
    const both = await api.put('/settings/allocation', { token: admin, body: { ...allocationBody, customAllocation: { enabled: true, webhookUrl: 'https://routing.example.com/hook' } } });
    expect(both.status).toBe(409);
    expect(both.body).toMatchObject({ code: 'ALLOCATION_MODE_CONFLICT' });
    const allocation = await api.put<Record<string, unknown>>('/settings/allocation', { token: admin, body: allocationBody, headers: { 'if-match': current.headers.get('etag') ?? '' } });
    expect(allocation.status).toBe(200);
    expect(allocation.body).toEqual({ ...allocationBody, version: expect.any(Number) });
    expect(allocation.headers.get('etag')).toBe(`"${String(allocation.body.version)}"`);
    const staleAllocation = await api.put('/settings/allocation', { token: admin, body: allocationBody, headers: { 'if-match': current.headers.get('etag') ?? '' } });
    expect(staleAllocation.status).toBe(412);

    expect((await api.put('/settings/workload', { token: admin, body: { organizationLimit: 5 } })).status).toBe(200);
    expect((await api.put(`/settings/workload/divisions/${sales.id}`, { token: admin, body: { limit: 8 } })).status).toBe(200);
    const agentLimit = await api.put<{ organizationLimit: number; divisionLimits: unknown[]; agentLimits: unknown[] }>(`/settings/workload/agents/${budi.user.id}`, { token: admin, body: { limit: 'unlimited' } });
    expect(agentLimit.status).toBe(200);
    expect(agentLimit.body).toMatchObject({
      organizationLimit: 5,
      divisionLimits: [{ divisionId: sales.id, limit: 8 }],
      agentLimits: [{ agentId: budi.user.id, limit: 'unlimited' }],
    });
    const outOfRange = await api.put(`/settings/workload/agents/${budi.user.id}`, { token: admin, body: { limit: 0 } });
    expect(outOfRange.status).toBe(400);

    expect((await api.put(`/settings/broadcast/agents/${ani.user.id}`, { token: admin })).status).toBe(200);
    const broadcast = await api.put<{ agentIds: string[]; divisionIds: string[] }>(`/settings/broadcast/divisions/${support.id}`, { token: admin });
    expect(broadcast.status).toBe(200);
    expect(broadcast.body).toMatchObject({ agentIds: [ani.user.id], divisionIds: [support.id] });

    await eventually(async () => {
      const effective = await api.get<{ items: EffectiveWorkload[] }>('/agents/effective-workload?limit=100', { token: supervisor.token });
      const limits = Object.fromEntries(effective.body.items.map((item) => [item.agentId, { limit: item.limit, source: item.source }]));
      expect(limits[ani.user.id]).toEqual({ limit: 8, source: 'division' });
      expect(limits[budi.user.id]).toEqual({ limit: 'unlimited', source: 'agent' });
      expect(limits[citra.user.id]).toEqual({ limit: 5, source: 'organization' });
      expect(limits[dewi.user.id]).toEqual({ limit: 5, source: 'organization' });
    }, PROJECTION_DEADLINE);

    await eventually(async () => {
      const routing = await routingOf(channelId);
      expect(routing.channel).toEqual({ channelId, name: 'Divisions E2E line', status: 'connected' });
      expect(routing.allocation).toEqual({ ...allocationBody, version: expect.any(Number) });
      const served = routing.divisions.filter((division) => division.divisionId === sales.id || division.divisionId === support.id);
      expect(served.sort((left, right) => left.name.localeCompare(right.name))).toEqual([
        {
          divisionId: support.id,
          name: `Customer Support ${marker}`,
          supervisorId: supervisor.user.id,
          agents: [
            { agentId: citra.user.id, name: fullName(citra), workloadLimit: 5, workloadLimitSource: 'organization', mayUseBroadcast: true },
            { agentId: dewi.user.id, name: fullName(dewi), workloadLimit: 5, workloadLimitSource: 'organization', mayUseBroadcast: true },
          ],
        },
        {
          divisionId: sales.id,
          name: `Sales ${marker}`,
          supervisorId: supervisor.user.id,
          agents: [
            { agentId: ani.user.id, name: fullName(ani), workloadLimit: 8, workloadLimitSource: 'division', mayUseBroadcast: true },
            { agentId: budi.user.id, name: fullName(budi), workloadLimit: 'unlimited', workloadLimitSource: 'agent', mayUseBroadcast: false },
          ],
        },
      ]);
    }, PROJECTION_DEADLINE);
  });
});
