import { randomUUID } from 'node:crypto';
import { TOPICS, type EventEnvelope } from '@regu/contracts';
import type { ChannelDirectory } from '../directory/directory.types';

const AT = '2026-03-02T08:15:00.000Z';

export interface PublishedEvent {
  topic: string;
  event: EventEnvelope;
}

/** Builds events of one organization with correct per-stream versions, in publishing order. */
export class ScenarioBuilder {
  readonly events: PublishedEvent[] = [];
  private readonly versions = new Map<string, number>();

  constructor(readonly organizationId: string) {}

  id(prefix: string): string {
    return `${prefix}-${randomUUID().slice(0, 8)}`;
  }

  add(topic: string, streamId: string, type: string, data: unknown): void {
    const streamVersion = (this.versions.get(streamId) ?? 0) + 1;
    this.versions.set(streamId, streamVersion);
    this.events.push({
      topic,
      event: {
        eventId: randomUUID(),
        type,
        schemaVersion: 1,
        streamId,
        streamVersion,
        organizationId: this.organizationId,
        occurredAt: AT,
        correlationId: randomUUID(),
        causationId: randomUUID(),
        actor: { userId: 'admin-1', role: 'admin' },
        data,
      },
    });
  }

  /** The last version of every stream, which each stream document must end at. */
  streamVersions(): Map<string, number> {
    return new Map(this.versions);
  }

  user(userId: string, role: 'agent' | 'supervisor'): void {
    this.add(TOPICS.identityUser, userId, 'UserRegistered', {
      userId,
      organizationId: this.organizationId,
      role,
      firstName: 'Test',
      lastName: userId,
      email: `${userId}@example.com`,
      phoneNumber: '+6281234567890',
    });
  }

  channel(channelId: string, displayName: string, phoneNumber: string): void {
    this.add(TOPICS.whatsappChannel, channelId, 'ChannelConnected', {
      channelId,
      displayName,
      phoneNumber,
      wabaId: 'waba-1',
      phoneNumberId: `pn-${channelId}`,
      tokenReference: `tokens/${channelId}`,
      tokenFingerprint: 'a1b2c3d4',
      connectedAt: AT,
    });
  }

  settings(type: string, data: unknown): void {
    this.add(TOPICS.divisionsSettings, this.organizationId, type, data);
  }
}

export interface Scenario {
  builder: ScenarioBuilder;
  /** Index in `builder.events` that splits the sequence into two halves for the restart test. */
  middle: number;
  expected(): ChannelDirectory[];
}

/**
 * Builds an admin's set-up of one organization as its events: three channels, five agents and a
 * supervisor, four divisions, workload limits on every level, broadcast grants, an agent
 * deactivated, a channel disconnected and a division deleted. `noise` adds login events
 * and settings toggles that bump stream versions without changing the directory.
 */
export function buildScenario(organizationId: string, noise = 0): Scenario {
  const b = new ScenarioBuilder(organizationId);
  const [sup, a1, a2, a3, a4, a5] = ['sup', 'a1', 'a2', 'a3', 'a4', 'a5'].map((name) => b.id(name));
  const [ch1, ch2, ch3] = ['ch1', 'ch2', 'ch3'].map((name) => b.id(name));
  const [d1, d2, d3, d4] = ['d1', 'd2', 'd3', 'd4'].map((name) => b.id(name));

  b.user(sup, 'supervisor');
  for (const agent of [a1, a2, a3, a4, a5]) {
    b.user(agent, 'agent');
  }
  b.channel(ch1, 'Sales', '+6281100000001');
  b.channel(ch2, 'Support', '+6281100000002');
  b.channel(ch3, 'Promo', '+6281100000003');

  const division = (divisionId: string, type: string, data: object): void => b.add(TOPICS.divisionsDivision, divisionId, type, { divisionId, ...data });
  division(d1, 'DivisionCreated', { name: 'Everything', supervisorId: sup, agentIds: [a1, a2], channelScope: { kind: 'all' } });
  division(d2, 'DivisionCreated', { name: 'Sales desk', supervisorId: sup, agentIds: [a2, a3], channelScope: { kind: 'specific', channelIds: [ch1, ch3] } });
  division(d3, 'DivisionCreated', { name: 'Support desk', supervisorId: sup, agentIds: [a4], channelScope: { kind: 'specific', channelIds: [ch2] } });
  division(d4, 'DivisionCreated', { name: 'Temporary', supervisorId: sup, agentIds: [a5], channelScope: { kind: 'all' } });

  b.settings('OrganizationWorkloadLimitChanged', { oldLimit: 'unlimited', newLimit: 5 });
  b.settings('DivisionWorkloadLimitChanged', { divisionId: d1, oldLimit: null, newLimit: 3 });
  b.settings('DivisionWorkloadLimitChanged', { divisionId: d2, oldLimit: null, newLimit: 8 });
  b.settings('AgentWorkloadLimitChanged', { agentId: a4, oldLimit: null, newLimit: 2 });
  b.settings('BroadcastGrantedToDivision', { divisionId: d2 });
  b.settings('BroadcastGrantedToAgent', { agentId: a1 });
  const middle = b.events.length;

  for (let i = 0; i < noise; i++) {
    const agent = [a1, a2, a3, a4, a5][i % 5];
    b.add(TOPICS.identityUser, agent, 'UserLoginFailed', { userId: agent, failedAttempts: 1 });
    b.add(TOPICS.identityUser, agent, 'UserFailedLoginsReset', { userId: agent });
    b.settings('AgentsMayTransferChatsChanged', { oldValue: i % 2 === 0, newValue: i % 2 !== 0 });
  }

  b.add(TOPICS.whatsappChannel, ch2, 'ChannelMarkedForReconnection', { channelId: ch2, reason: 'TOKEN_EXPIRED', providerErrorCode: 190, markedAt: AT });
  b.add(TOPICS.identityUser, a3, 'UserDeactivated', { userId: a3 });
  division(d2, 'AgentRemovedFromDivision', { agentId: a3, reason: 'agent_deactivated', oldAgentIds: [a2, a3], newAgentIds: [a2] });
  b.add(TOPICS.whatsappChannel, ch3, 'ChannelDisconnected', { channelId: ch3, phoneNumber: '+6281100000003', wabaId: 'waba-1', phoneNumberId: `pn-${ch3}`, disconnectedAt: AT });
  division(d2, 'ChannelRemovedFromDivision', {
    channelId: ch3,
    reason: 'channel_disconnected',
    oldChannelScope: { kind: 'specific', channelIds: [ch1, ch3] },
    newChannelScope: { kind: 'specific', channelIds: [ch1] },
  });
  division(d3, 'AgentsAddedToDivision', { addedAgentIds: [a5], oldAgentIds: [a4], newAgentIds: [a4, a5] });
  division(d4, 'DivisionDeleted', { name: 'Temporary' });
  division(d1, 'DivisionRenamed', { oldName: 'Everything', newName: 'Front desk' });
  b.settings('AutomaticAllocationChanged', {
    oldValue: { enabled: false, strategy: 'round_robin', onlineAgentsOnly: true },
    newValue: { enabled: true, strategy: 'least_busy', onlineAgentsOnly: false },
  });
  b.settings('IdleRuleChanged', {
    oldValue: { enabled: false, idleMinutes: 10, reassignAttempts: 3 },
    newValue: { enabled: true, idleMinutes: 15, reassignAttempts: 2 },
  });
  b.settings('AgentsMayTakeUnassignedChatsChanged', { oldValue: true, newValue: false });
  if (noise % 2 === 1) {
    // An odd number of toggles above left the flag false; set it back so the expected value does not depend on `noise`.
    b.settings('AgentsMayTransferChatsChanged', { oldValue: false, newValue: true });
  }

  const allocation = {
    agentsMayTakeUnassignedChats: false,
    agentsMayTransferChats: true,
    automaticAllocation: { enabled: true, strategy: 'least_busy' as const, onlineAgentsOnly: false },
    customAllocation: { enabled: false, webhookUrl: null },
    idleRule: { enabled: true, idleMinutes: 15, reassignAttempts: 2 },
  };
  const agentA1 = { agentId: a1, workloadLimit: 3, workloadLimitSource: 'division' as const, workloadLimitDivisionId: d1, broadcast: true };
  const agentA2 = { agentId: a2, workloadLimit: 8, workloadLimitSource: 'division' as const, workloadLimitDivisionId: d2, broadcast: true };
  const agentA4 = { agentId: a4, workloadLimit: 2, workloadLimitSource: 'agent' as const, workloadLimitDivisionId: null, broadcast: false };
  const agentA5 = { agentId: a5, workloadLimit: 5, workloadLimitSource: 'organization' as const, workloadLimitDivisionId: null, broadcast: false };
  const frontDesk = { divisionId: d1, name: 'Front desk', channelScope: 'all' as const, supervisorId: sup, agents: sortById([agentA1, agentA2]) };

  const expected = (): ChannelDirectory[] =>
    [
      {
        organizationId,
        channel: { channelId: ch1, displayName: 'Sales', phoneNumber: '+6281100000001', status: 'connected' as const },
        allocation,
        divisions: sortDivisions([frontDesk, { divisionId: d2, name: 'Sales desk', channelScope: 'specific' as const, supervisorId: sup, agents: [agentA2] }]),
      },
      {
        organizationId,
        channel: { channelId: ch2, displayName: 'Support', phoneNumber: '+6281100000002', status: 'needs_reconnection' as const },
        allocation,
        divisions: sortDivisions([frontDesk, { divisionId: d3, name: 'Support desk', channelScope: 'specific' as const, supervisorId: sup, agents: sortById([agentA4, agentA5]) }]),
      },
      {
        organizationId,
        channel: { channelId: ch3, displayName: 'Promo', phoneNumber: '+6281100000003', status: 'disconnected' as const },
        allocation,
        divisions: [],
      },
    ].sort((left, right) => compare(left.channel.channelId, right.channel.channelId));

  return { builder: b, middle, expected };
}

function compare(left: string, right: string): number {
  if (left === right) {
    return 0;
  }
  return left < right ? -1 : 1;
}

function sortById<T extends { agentId: string }>(agents: T[]): T[] {
  return [...agents].sort((left, right) => compare(left.agentId, right.agentId));
}

function sortDivisions<T extends { divisionId: string }>(divisions: T[]): T[] {
  return [...divisions].sort((left, right) => compare(left.divisionId, right.divisionId));
}
