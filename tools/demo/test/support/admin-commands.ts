import { randomUUID } from 'node:crypto';
import type { ApiClient, ApiResponse } from '@regu/testing';
import type { SeededRandom } from './seeded-random';

type Role = 'agent' | 'supervisor';

interface UserModel {
  id: string;
  role: Role;
  status: 'active' | 'deactivated' | 'deleted';
  createdAt: number;
}

interface ChannelModel {
  id: string;
  status: 'connected' | 'disconnected';
  createdAt: number;
}

interface DivisionModel {
  id: string;
  deleted: boolean;
}

/** Tally of the commands sent, by name and by response status. */
export interface CommandTally {
  sent: number;
  accepted: number;
  rejected: number;
  byCommand: Record<string, { accepted: number; rejected: number }>;
}

/**
 * The projections of the divisions service see a new user or channel a moment after
 * the write returns, so a division command that names one earlier is rejected with 400.
 * Waiting this long before naming one keeps most commands accepted; a rejection is
 * still a valid command outcome.
 */
const READY_AFTER_MS = 1_500;

const MAX_AGENTS = 30;
const MAX_SUPERVISORS = 10;
const MAX_CONNECTED_CHANNELS = 6;
const MAX_DIVISIONS = 10;

/**
 * Sends random admin commands through the gateway across users, divisions, settings
 * and channels. Choices come from a seeded generator over a model of what exists, so
 * the same seed sends the same kinds of commands. A command that the model picked on
 * stale knowledge may be rejected with 400, 404, 409 or 412; any 5xx fails.
 */
export class AdminCommandSequence {
  readonly tally: CommandTally = { sent: 0, accepted: 0, rejected: 0, byCommand: {} };
  readonly users: UserModel[] = [];
  readonly channels: ChannelModel[] = [];
  readonly divisions: DivisionModel[] = [];
  private counter = 0;

  constructor(
    private readonly api: ApiClient,
    private readonly token: string,
    private readonly random: SeededRandom,
    private readonly whatsapp: { wabaId: string; phoneNumberId: string; accessToken: string },
  ) {}

  /** Sends one random command. */
  async next(): Promise<void> {
    const command = this.random.weighted({
      registerAgent: this.count('agent') < MAX_AGENTS ? 8 : 0,
      registerSupervisor: this.count('supervisor') < MAX_SUPERVISORS ? 3 : 0,
      deactivateUser: 4,
      reactivateUser: 3,
      changeRole: 2,
      deleteUser: 1,
      connectChannel: this.connectedChannels(false).length < MAX_CONNECTED_CHANNELS ? 3 : 0,
      disconnectChannel: 2,
      renameChannel: 2,
      createDivision: this.liveDivisions().length < MAX_DIVISIONS ? 6 : 0,
      renameDivision: 3,
      changeSupervisor: 3,
      changeChannelScope: 4,
      addAgents: 8,
      removeAgent: 5,
      deleteDivision: 1,
      changeAllocation: 3,
      changeOrganizationWorkload: 2,
      changeDivisionWorkload: 4,
      changeAgentWorkload: 4,
      changeAgentBroadcast: 3,
      changeDivisionBroadcast: 3,
    });
    await this[command]();
  }

  private async registerAgent(): Promise<void> {
    await this.registerUser('agent');
  }

  private async registerSupervisor(): Promise<void> {
    await this.registerUser('supervisor');
  }

  private async registerUser(role: Role): Promise<void> {
    const name = `${role}${++this.counter}`;
    const response = await this.send('registerUser', 'POST', '/users', {
      firstName: 'Random',
      lastName: name,
      email: `${name}.${randomUUID().slice(0, 12)}@equality.regu.test`,
      phoneNumber: `+62813${String(this.random.integer(0, 99_999_999)).padStart(8, '0')}`,
      role,
      password: `Pw-${randomUUID()}`,
    });
    if (response.status === 201) {
      this.users.push({ id: (response.body as { id: string }).id, role, status: 'active', createdAt: Date.now() });
    }
  }

  private async deactivateUser(): Promise<void> {
    const user = this.random.pick(this.users.filter((candidate) => candidate.status === 'active'));
    if (user !== undefined && (await this.sendWithVersion('deactivateUser', 'POST', `/users/${user.id}`, `/users/${user.id}/deactivate`)) === 200) {
      user.status = 'deactivated';
    }
  }

  private async reactivateUser(): Promise<void> {
    const user = this.random.pick(this.users.filter((candidate) => candidate.status === 'deactivated'));
    if (user !== undefined && (await this.sendWithVersion('reactivateUser', 'POST', `/users/${user.id}`, `/users/${user.id}/reactivate`)) === 200) {
      user.status = 'active';
    }
  }

  private async changeRole(): Promise<void> {
    const user = this.random.pick(this.users.filter((candidate) => candidate.status !== 'deleted'));
    if (user === undefined) {
      return;
    }
    const role: Role = user.role === 'agent' ? 'supervisor' : 'agent';
    if ((await this.sendWithVersion('changeRole', 'PUT', `/users/${user.id}`, `/users/${user.id}/role`, { role })) === 200) {
      user.role = role;
    }
  }

  private async deleteUser(): Promise<void> {
    const user = this.random.pick(this.users.filter((candidate) => candidate.status !== 'deleted'));
    if (user !== undefined && [200, 204].includes(await this.sendWithVersion('deleteUser', 'DELETE', `/users/${user.id}`, `/users/${user.id}`))) {
      user.status = 'deleted';
    }
  }

  private async connectChannel(): Promise<void> {
    const response = await this.send('connectChannel', 'POST', '/channels/whatsapp', {
      displayName: `Number ${++this.counter}`,
      phoneNumber: `+62814${String(this.random.integer(0, 99_999_999)).padStart(8, '0')}`,
      ...this.whatsapp,
    });
    if (response.status === 201) {
      this.channels.push({ id: (response.body as { id: string }).id, status: 'connected', createdAt: Date.now() });
    }
  }

  private async disconnectChannel(): Promise<void> {
    const channel = this.random.pick(this.connectedChannels(false));
    if (channel !== undefined && [200, 204].includes(await this.sendWithVersion('disconnectChannel', 'DELETE', `/channels/whatsapp/${channel.id}`, `/channels/whatsapp/${channel.id}`))) {
      channel.status = 'disconnected';
    }
  }

  private async renameChannel(): Promise<void> {
    const channel = this.random.pick(this.connectedChannels(false));
    if (channel !== undefined) {
      await this.sendWithVersion('renameChannel', 'PATCH', `/channels/whatsapp/${channel.id}`, `/channels/whatsapp/${channel.id}`, { displayName: `Number ${++this.counter}` });
    }
  }

  private async createDivision(): Promise<void> {
    const supervisor = this.random.pick(this.readyUsers('supervisor'));
    const agents = this.random.sample(this.readyUsers('agent'), this.random.integer(1, 4));
    if (supervisor === undefined || agents.length === 0) {
      return;
    }
    const response = await this.send('createDivision', 'POST', '/divisions', {
      name: `Division ${++this.counter} ${randomUUID().slice(0, 4)}`,
      supervisorId: supervisor.id,
      agentIds: agents.map((agent) => agent.id),
      channelScope: this.randomChannelScope(),
    });
    if (response.status === 201) {
      this.divisions.push({ id: (response.body as { id: string }).id, deleted: false });
    }
  }

  private async renameDivision(): Promise<void> {
    await this.updateDivision('renameDivision', () => ({ name: `Division ${++this.counter} ${randomUUID().slice(0, 4)}` }));
  }

  private async changeSupervisor(): Promise<void> {
    const supervisor = this.random.pick(this.readyUsers('supervisor'));
    if (supervisor !== undefined) {
      await this.updateDivision('changeSupervisor', () => ({ supervisorId: supervisor.id }));
    }
  }

  private async changeChannelScope(): Promise<void> {
    await this.updateDivision('changeChannelScope', () => ({ channelScope: this.randomChannelScope() }));
  }

  private async addAgents(): Promise<void> {
    const agents = this.random.sample(this.readyUsers('agent'), this.random.integer(1, 3));
    const division = this.random.pick(this.liveDivisions());
    if (division !== undefined && agents.length > 0) {
      await this.sendWithVersion('addAgents', 'POST', `/divisions/${division.id}`, `/divisions/${division.id}/agents`, { agentIds: agents.map((agent) => agent.id) });
    }
  }

  private async removeAgent(): Promise<void> {
    const division = this.random.pick(this.liveDivisions());
    if (division === undefined) {
      return;
    }
    const current = await this.api.get<{ agents: Array<{ id: string }> }>(`/divisions/${division.id}`, { token: this.token });
    const agent = current.status === 200 ? this.random.pick(current.body.agents) : undefined;
    if (agent !== undefined) {
      await this.send('removeAgent', 'DELETE', `/divisions/${division.id}/agents/${agent.id}`, undefined, etagOf(current));
    }
  }

  private async deleteDivision(): Promise<void> {
    const division = this.random.pick(this.liveDivisions());
    if (division !== undefined && [200, 204].includes(await this.sendWithVersion('deleteDivision', 'DELETE', `/divisions/${division.id}`, `/divisions/${division.id}`))) {
      division.deleted = true;
    }
  }

  private async changeAllocation(): Promise<void> {
    const custom = this.random.chance(0.2);
    await this.sendSettings('changeAllocation', 'PUT', '/settings/allocation', {
      agentsMayTakeUnassignedChats: this.random.chance(0.5),
      agentsMayTransferChats: this.random.chance(0.5),
      automaticAllocation: { enabled: !custom && this.random.chance(0.8), strategy: this.random.pick(['round_robin', 'least_busy']), onlineAgentsOnly: this.random.chance(0.5) },
      customAllocation: { enabled: custom, webhookUrl: custom ? `https://router.example.com/allocate/${this.random.integer(1, 99)}` : null },
      idleRule: { enabled: this.random.chance(0.5), idleMinutes: this.random.integer(1, 1440), reassignAttempts: this.random.integer(1, 10) },
    });
  }

  private async changeOrganizationWorkload(): Promise<void> {
    await this.sendSettings('changeOrganizationWorkload', 'PUT', '/settings/workload', { organizationLimit: this.randomLimit() });
  }

  private async changeDivisionWorkload(): Promise<void> {
    const division = this.random.pick(this.divisions);
    if (division === undefined) {
      return;
    }
    const path = `/settings/workload/divisions/${division.id}`;
    await (this.random.chance(0.7) ? this.sendSettings('setDivisionWorkload', 'PUT', path, { limit: this.randomLimit() }) : this.sendSettings('clearDivisionWorkload', 'DELETE', path));
  }

  private async changeAgentWorkload(): Promise<void> {
    const agent = this.random.pick(this.users.filter((user) => user.role === 'agent' && user.status !== 'deleted'));
    if (agent === undefined) {
      return;
    }
    const path = `/settings/workload/agents/${agent.id}`;
    await (this.random.chance(0.7) ? this.sendSettings('setAgentWorkload', 'PUT', path, { limit: this.randomLimit() }) : this.sendSettings('clearAgentWorkload', 'DELETE', path));
  }

  private async changeAgentBroadcast(): Promise<void> {
    const agent = this.random.pick(this.users.filter((user) => user.role === 'agent' && user.status !== 'deleted'));
    if (agent !== undefined) {
      const grant = this.random.chance(0.6);
      await this.sendSettings(grant ? 'grantAgentBroadcast' : 'revokeAgentBroadcast', grant ? 'PUT' : 'DELETE', `/settings/broadcast/agents/${agent.id}`);
    }
  }

  private async changeDivisionBroadcast(): Promise<void> {
    const division = this.random.pick(this.divisions);
    if (division !== undefined) {
      const grant = this.random.chance(0.6);
      await this.sendSettings(grant ? 'grantDivisionBroadcast' : 'revokeDivisionBroadcast', grant ? 'PUT' : 'DELETE', `/settings/broadcast/divisions/${division.id}`);
    }
  }

  private async updateDivision(name: string, body: () => object): Promise<void> {
    const division = this.random.pick(this.liveDivisions());
    if (division !== undefined) {
      await this.sendWithVersion(name, 'PATCH', `/divisions/${division.id}`, `/divisions/${division.id}`, body());
    }
  }

  /** Reads `readPath` for its ETag, then sends the write with it as `If-Match`. */
  private async sendWithVersion(name: string, method: string, readPath: string, path: string, body?: unknown): Promise<number> {
    const current = await this.api.get(readPath, { token: this.token });
    if (current.status !== 200) {
      return current.status;
    }
    return (await this.send(name, method, path, body, etagOf(current))).status;
  }

  private async sendSettings(name: string, method: string, path: string, body?: unknown): Promise<void> {
    await this.sendWithVersion(name, method, '/settings/workload', path, body);
  }

  private async send(name: string, method: string, path: string, body?: unknown, ifMatch?: string): Promise<ApiResponse> {
    const response = await this.api.request(method, path, { token: this.token, body, headers: ifMatch === undefined ? {} : { 'if-match': ifMatch } });
    if (response.status >= 500 || response.status === 401 || response.status === 403 || response.status === 429) {
      throw new Error(`${name}: ${method} ${path} returned ${response.status}: ${JSON.stringify(response.body)}`);
    }

    const accepted = response.status < 300;
    const entry = (this.tally.byCommand[name] ??= { accepted: 0, rejected: 0 });
    this.tally.sent += 1;
    if (accepted) {
      this.tally.accepted += 1;
      entry.accepted += 1;
    } else {
      this.tally.rejected += 1;
      entry.rejected += 1;
    }
    return response;
  }

  private randomChannelScope(): object {
    const channels = this.connectedChannels(true);
    if (channels.length === 0 || this.random.chance(0.3)) {
      return { kind: 'all' };
    }
    return { kind: 'specific', channelIds: this.random.sample(channels, this.random.integer(1, 2)).map((channel) => channel.id) };
  }

  private randomLimit(): number | 'unlimited' {
    return this.random.chance(0.15) ? 'unlimited' : this.random.integer(1, 100);
  }

  private count(role: Role): number {
    return this.users.filter((user) => user.role === role && user.status !== 'deleted').length;
  }

  private readyUsers(role: Role): UserModel[] {
    const readyBefore = Date.now() - READY_AFTER_MS;
    return this.users.filter((user) => user.role === role && user.status === 'active' && user.createdAt <= readyBefore);
  }

  private connectedChannels(readyOnly: boolean): ChannelModel[] {
    const readyBefore = readyOnly ? Date.now() - READY_AFTER_MS : Number.POSITIVE_INFINITY;
    return this.channels.filter((channel) => channel.status === 'connected' && channel.createdAt <= readyBefore);
  }

  private liveDivisions(): DivisionModel[] {
    return this.divisions.filter((division) => !division.deleted);
  }
}

function etagOf(response: ApiResponse): string {
  return response.headers.get('etag') ?? '';
}
