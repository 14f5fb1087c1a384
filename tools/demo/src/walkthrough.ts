import { randomBytes, randomInt } from 'node:crypto';
import type { DemoEnvironment } from './demo.environment';
import { GatewayClient, type GatewayResponse } from './gateway-client';
import { expectStatus, expectThat, StepFailed, StepRunner, waitFor, type StepReporter } from './step-runner';

/** The ids the walkthrough created, for callers that check its events afterwards. */
export interface WalkthroughOutcome {
  organizationId: string;
  runId: string;
  channelId: string;
  divisionId: string;
  templateId: string;
}

interface Person {
  id: string;
  name: string;
}

const AGENT_NAMES: Array<[string, string]> = [
  ['Ayu', 'Lestari'],
  ['Bima', 'Saputra'],
  ['Citra', 'Maharani'],
];

/**
 * Plays an admin's day through the public REST API only: users, a WhatsApp number, a
 * division, the allocation, workload and broadcast settings, and a message template from
 * its first check to its deletion. Every name carries a run id, so the walkthrough can
 * run again against the same system. Throws StepFailed at the first unexpected outcome.
 */
export async function runWalkthrough(environment: DemoEnvironment, report: StepReporter): Promise<WalkthroughOutcome> {
  const api = new GatewayClient(environment.gatewayUrl);
  const steps = new StepRunner(report);
  const runId = randomBytes(3).toString('hex');
  const wait = <T>(check: () => Promise<T>) => waitFor(check, environment.waitTimeoutMs);

  const organizationId = await steps.step(`Log in as ${environment.adminEmail}`, async () => {
    const login = expectStatus(await api.post('/auth/login', { body: { email: environment.adminEmail, password: environment.adminPassword } }), 200);
    api.authenticate(login.body.accessToken);
    const me = expectStatus(await api.get('/users/me'), 200);
    expectThat(me.body.role === 'admin', `the user's role is ${me.body.role}, expected admin`, me);
    return {
      value: me.body.organizationId as string,
      details: [`signed in as ${me.body.firstName} ${me.body.lastName}, admin of organization ${me.body.organizationId}`, `run id ${runId}`],
    };
  });

  const registerUser = async (role: 'supervisor' | 'agent', [firstName, lastName]: [string, string]): Promise<Person> => {
    const email = `${firstName}.${lastName}.${runId}@demo.regu.test`.toLowerCase();
    const response = expectStatus(
      await api.post('/users', {
        body: { firstName, lastName, email, phoneNumber: randomPhoneNumber(), role, password: `Demo-${runId}-${randomBytes(6).toString('hex')}` },
      }),
      201,
    );
    return { id: response.body.id, name: `${firstName} ${lastName}` };
  };

  const supervisor = await steps.step('Create a supervisor', async () => {
    const person = await registerUser('supervisor', ['Sari', 'Wijaya']);
    return { value: person, details: [`${person.name} (${person.id}), role supervisor`] };
  });

  const agents = await steps.step('Create three agents', async () => {
    const people: Person[] = [];
    for (const name of AGENT_NAMES) {
      people.push(await registerUser('agent', name));
    }
    return { value: people, details: people.map((person) => `${person.name} (${person.id}), role agent`) };
  });

  const channel = await steps.step('Connect a WhatsApp number', async () => {
    const response = await connectNumber(api, environment, runId);
    expectThat(response.body.status === 'CONNECTED', `the channel's status is ${response.body.status}, expected CONNECTED`, response);
    return {
      value: { id: response.body.id as string, version: response.body.version as number },
      details: [`${response.body.displayName} ${response.body.phoneNumber} is ${response.body.status} (channel ${response.body.id})`],
    };
  });

  await steps.step('Try to create a division with nothing filled in', async () => {
    const response = expectStatus(await api.post('/divisions', { body: {} }), 400);
    const errors = (response.body.errors ?? []) as Array<{ field: string; code: string; message: string }>;
    for (const field of ['name', 'supervisorId', 'agentIds']) {
      const error = errors.find((candidate) => candidate.field === field);
      expectThat(error?.message === 'field is required', `no "field is required" error on ${field}`, response);
    }
    return { value: undefined, details: [`400 ${response.body.title}`, ...errors.map((error) => `${error.field}: ${error.message} (${error.code})`)] };
  });

  await steps.step('Wait until the divisions service knows the new agents and the number', async () => {
    const routing = await wait(async () => expectStatus(await api.get(`/routing/channels/${channel.id}`), 200));
    const limits = await wait(async () => {
      const known = await effectiveWorkloadLimits(api);
      expectThat(agents.every((agent) => known.has(agent.id)), 'not every new agent is listed yet');
      return known;
    });
    return { value: undefined, details: [`channel ${routing.body.channel.name} is ${routing.body.channel.status}`, `${limits.size} active agents listed`] };
  });

  let division = await steps.step('Create a division with a supervisor, agents and this number', async () => {
    const name = `Customer care ${runId}`;
    const response = expectStatus(
      await api.post('/divisions', {
        body: { name, supervisorId: supervisor.id, agentIds: agents.map((agent) => agent.id), channelScope: { kind: 'specific', channelIds: [channel.id] } },
      }),
      201,
    );
    const channels = response.body.channelScope.channels as Array<{ id: string; name: string }>;
    return {
      value: response.body,
      details: [
        `${response.body.name} (${response.body.id}), version ${response.body.version}`,
        `supervisor ${response.body.supervisor.name}`,
        `agents ${namesOf(response.body.agents)}`,
        `channels ${channels.map((entry) => entry.name).join(', ')}`,
      ],
    };
  });

  const removed = agents[2];
  division = await steps.step(`Remove the agent ${removed.name} from the division`, async () => {
    expectStatus(await api.delete(`/divisions/${division.id}/agents/${removed.id}`, { ifMatch: division.version }), 204);
    const response = expectStatus(await api.get(`/divisions/${division.id}`), 200);
    const agentIds = (response.body.agents as Person[]).map((agent) => agent.id);
    expectThat(!agentIds.includes(removed.id), `${removed.name} is still listed`, response);
    expectThat(agentIds.length === 2, `the division has ${agentIds.length} agents, expected 2`, response);
    return { value: response.body, details: [`agents now ${namesOf(response.body.agents)}, version ${response.body.version}`] };
  });

  await steps.step('Change the allocation settings', async () => {
    const current = expectStatus(await api.get('/settings/allocation'), 200);
    const body = {
      agentsMayTakeUnassignedChats: true,
      agentsMayTransferChats: false,
      automaticAllocation: { enabled: true, strategy: 'least_busy', onlineAgentsOnly: true },
      customAllocation: { enabled: false, webhookUrl: null },
      idleRule: { enabled: true, idleMinutes: 15, reassignAttempts: 2 },
    };
    const response = expectStatus(await api.put('/settings/allocation', { body, ifMatch: current.etag }), 200);
    expectThat(response.body.automaticAllocation.strategy === 'least_busy', 'the strategy did not change to least_busy', response);
    return {
      value: undefined,
      details: [
        `automatic allocation on, strategy ${response.body.automaticAllocation.strategy}, online agents only`,
        `agents may take unassigned chats: yes; may transfer chats: no`,
        `idle rule: after ${response.body.idleRule.idleMinutes} minutes, look for another agent up to ${response.body.idleRule.reassignAttempts} times`,
      ],
    };
  });

  const [ayu, bima] = agents;
  await steps.step('Change the workload limits', async () => {
    await expectSettingsWrite(api, 'PUT', '/settings/workload', { organizationLimit: 5 });
    await expectSettingsWrite(api, 'PUT', `/settings/workload/divisions/${division.id}`, { limit: 8 });
    await expectSettingsWrite(api, 'PUT', `/settings/workload/agents/${ayu.id}`, { limit: 'unlimited' });
    const limits = await wait(async () => {
      const byAgent = await effectiveWorkloadLimits(api);
      expectThat(byAgent.get(ayu.id)?.limit === 'unlimited', `${ayu.name}'s effective limit is not unlimited yet`);
      expectThat(byAgent.get(bima.id)?.limit === 8, `${bima.name}'s effective limit is not the division's 8 yet`);
      expectThat(byAgent.get(removed.id)?.limit === 5, `${removed.name}'s effective limit is not the organization's 5 yet`);
      return byAgent;
    });
    return {
      value: undefined,
      details: [
        'organization default 5, division 8, Ayu Lestari unlimited',
        ...[ayu, bima, removed].map((agent) => `${agent.name}: ${limits.get(agent.id)!.limit} (from the ${limits.get(agent.id)!.source})`),
      ],
    };
  });

  await steps.step('Grant broadcast to the division and to one agent', async () => {
    await expectSettingsWrite(api, 'PUT', `/settings/broadcast/divisions/${division.id}`);
    await expectSettingsWrite(api, 'PUT', `/settings/broadcast/agents/${removed.id}`);
    const response = expectStatus(await api.get('/settings/broadcast'), 200);
    expectThat(response.body.divisionIds.includes(division.id), 'the division is not granted broadcast', response);
    expectThat(response.body.agentIds.includes(removed.id), `${removed.name} is not granted broadcast`, response);
    return { value: undefined, details: [`granted to division ${division.name} and to ${removed.name}`] };
  });

  await steps.step("Ask who may get the number's chats", async () => {
    const routing = await wait(async () => {
      const response = expectStatus(await api.get(`/routing/channels/${channel.id}`), 200);
      const served = (response.body.divisions as Array<{ divisionId: string; agents: Array<{ agentId: string; workloadLimit: unknown; mayUseBroadcast: boolean }> }>).find(
        (entry) => entry.divisionId === division.id,
      );
      expectThat(served !== undefined, 'the division is not listed yet', response);
      expectThat(served!.agents.length === 2, `the division lists ${served!.agents.length} agents, expected 2`, response);
      expectThat(served!.agents.every((agent) => agent.mayUseBroadcast), 'not every agent may use broadcast yet', response);
      expectThat(response.body.allocation.automaticAllocation.strategy === 'least_busy', 'the routing answer has the old allocation', response);
      return { response, served: served! };
    });
    return {
      value: undefined,
      details: routing.served.agents.map((agent) => {
        const name = agents.find((candidate) => candidate.id === agent.agentId)?.name ?? agent.agentId;
        const limit = agent.workloadLimit === 'unlimited' ? 'any number of' : `up to ${agent.workloadLimit}`;
        return `${name}: ${limit} chats at once, broadcast ${agent.mayUseBroadcast ? 'allowed' : 'not allowed'}`;
      }),
    };
  });

  const templateName = `order_shipped_${runId}`;
  const template = { channelId: channel.id, name: templateName, category: 'UTILITY', language: 'id' };
  await steps.step('Template step 1: check the name, category and language', async () => {
    const response = expectStatus(await api.post('/templates/details-check', { body: template }), 200);
    expectThat(response.body.valid === true, 'the details are not valid', response);
    return { value: undefined, details: [`${templateName}, ${template.category}, language ${template.language}: valid`] };
  });

  const message = {
    header: { format: 'TEXT', text: 'Pesanan {{1}}' },
    body: 'Halo {{1}}, pesanan {{2}} sudah dikirim dan tiba dalam {{3}} hari.',
    footer: 'Regu Demo',
    buttons: [{ type: 'QUICK_REPLY', text: 'Terima kasih' }],
  };
  const samples = { header: ['A-1024'], body: ['Ayu', 'A-1024', '2'] };
  await steps.step('Template step 2: preview the message with samples', async () => {
    const response = expectStatus(await api.post('/templates/preview', { body: { message, samples } }), 200);
    expectThat(response.body.body === 'Halo Ayu, pesanan A-1024 sudah dikirim dan tiba dalam 2 hari.', 'the preview did not fill in the samples', response);
    return { value: undefined, details: [`header: ${response.body.header.text}`, `body: ${response.body.body}`, `footer: ${response.body.footer}`] };
  });

  await steps.step('Submit a message that breaks a WhatsApp rule', async () => {
    const invalid = { ...message, body: 'Halo {{1}}, pesanan {{3}} sudah dikirim.' };
    const response = expectStatus(await api.post('/templates', { body: { ...template, message: invalid, samples: { ...samples, body: ['Ayu', 'x', 'A-1024'] } } }), 422);
    const errors = (response.body.errors ?? []) as Array<{ field: string; code: string; message: string }>;
    expectThat(errors.some((error) => error.code === 'TEMPLATE_VARIABLES_NOT_SEQUENTIAL'), 'no TEMPLATE_VARIABLES_NOT_SEQUENTIAL error', response);
    return { value: undefined, details: [`422 ${response.body.title}`, ...errors.map((error) => `${error.field}: ${error.code}: ${error.message}`)] };
  });

  let created = await steps.step('Submit the valid message', async () => {
    const response = expectStatus(await api.post('/templates', { body: { ...template, message, samples } }), 201);
    return { value: response.body, details: [`${response.body.name} (${response.body.id}) is ${response.body.status}`] };
  });

  created = await steps.step('Watch the template become approved', async () => {
    const approved = await wait(async () => {
      const response = expectStatus(await api.get(`/templates/${created.id}`), 200);
      expectThat(response.body.status === 'APPROVED', `the status is ${response.body.status}`, response);
      return response;
    });
    return { value: approved.body, details: [`${approved.body.name} is ${approved.body.status}`] };
  });

  await steps.step('Search templates by part of the name', async () => {
    const response = expectStatus(await api.get(`/templates?q=${encodeURIComponent(`SHIPPED_${runId}`)}`), 200);
    const ids = (response.body.items as Array<{ id: string }>).map((item) => item.id);
    expectThat(ids.includes(created.id), 'the search did not find the template', response);
    return { value: undefined, details: [`"SHIPPED_${runId}" found ${ids.length} template(s)`] };
  });

  created = await steps.step('Edit the template', async () => {
    const edited = { ...message, body: 'Halo {{1}}, pesanan {{2}} sudah dikirim dan tiba dalam {{3}} hari kerja.' };
    const response = expectStatus(await api.patch(`/templates/${created.id}`, { body: { message: edited, samples }, ifMatch: created.version }), 200);
    expectThat(response.body.message.body === edited.body, 'the body did not change', response);
    return { value: response.body, details: [`body now "${response.body.message.body}", status ${response.body.status}`] };
  });

  await steps.step('Delete the template', async () => {
    const current = expectStatus(await api.get(`/templates/${created.id}`), 200);
    expectStatus(await api.delete(`/templates/${created.id}`, { ifMatch: current.etag }), 204);
    const after = expectStatus(await api.get(`/templates/${created.id}`), 404);
    return { value: undefined, details: [`deleted; reading it again returns ${after.status} ${after.body.code}`] };
  });

  await steps.step('Disconnect the number', async () => {
    const current = expectStatus(await api.get(`/channels/whatsapp/${channel.id}`), 200);
    expectStatus(await api.delete(`/channels/whatsapp/${channel.id}`, { ifMatch: current.etag }), 204);
    const after = expectStatus(await api.get(`/channels/whatsapp/${channel.id}`), 200);
    expectThat(after.body.status === 'DISCONNECTED', `the status is ${after.body.status}, expected DISCONNECTED`, after);
    return { value: undefined, details: [`${after.body.phoneNumber} is ${after.body.status}`] };
  });

  await steps.step('See the division lose the number', async () => {
    const response = await wait(async () => {
      const read = expectStatus(await api.get(`/divisions/${division.id}`), 200);
      expectThat(read.body.hasNoChannels === true, 'the division still serves the number', read);
      return read;
    });
    return { value: undefined, details: [`${response.body.name} has no channels left and serves none until an admin picks new ones`] };
  });

  return { organizationId, runId, channelId: channel.id, divisionId: division.id, templateId: created.id };
}

/** Connects a random new number, and tries another one when the number is already connected elsewhere. */
async function connectNumber(api: GatewayClient, environment: DemoEnvironment, runId: string): Promise<GatewayResponse> {
  for (let attempt = 1; attempt <= 5; attempt++) {
    const response = await api.post('/channels/whatsapp', {
      body: { displayName: `Demo ${runId}`, phoneNumber: randomPhoneNumber(), ...environment.whatsapp },
    });
    if (response.status !== 409) {
      return expectStatus(response, 201);
    }
  }
  throw new StepFailed('five random phone numbers were all connected already');
}

interface EffectiveWorkloadLimit {
  agentId: string;
  limit: number | 'unlimited';
  source: string;
}

/** Reads every page of the effective workload limits, keyed by agent id. */
async function effectiveWorkloadLimits(api: GatewayClient): Promise<Map<string, EffectiveWorkloadLimit>> {
  const limits = new Map<string, EffectiveWorkloadLimit>();
  for (let offset = 0; ; offset += 100) {
    const response = expectStatus(await api.get(`/agents/effective-workload?limit=100&offset=${offset}`), 200);
    const items = response.body.items as EffectiveWorkloadLimit[];
    for (const item of items) {
      limits.set(item.agentId, item);
    }
    if (items.length < 100 || offset + items.length >= response.body.total) {
      return limits;
    }
  }
}

/** Sends one settings write with the current settings version as `If-Match`. */
async function expectSettingsWrite(api: GatewayClient, method: 'PUT' | 'DELETE', path: string, body?: unknown): Promise<void> {
  const current = expectStatus(await api.get('/settings/workload'), 200);
  const response = await api.request(method, path, { body, ifMatch: current.etag });
  if (response.status !== 200 && response.status !== 204) {
    throw new StepFailed(`${method} ${path} returned ${response.status}, expected 200 or 204`, response);
  }
}

function namesOf(references: Array<{ name: string | null; id: string }>): string {
  return references.map((reference) => reference.name ?? reference.id).join(', ');
}

function randomPhoneNumber(): string {
  return `+62811${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
}
