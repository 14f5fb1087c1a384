import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@regu/contracts';
import { evolveChannel, evolveDivision, evolveSettings, evolveUser } from './stream-records.evolve';

function event(type: string, data: unknown): EventEnvelope {
  return {
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    streamId: 's1',
    streamVersion: 1,
    organizationId: 'org-1',
    occurredAt: '2026-03-02T08:15:00.000Z',
    correlationId: 'c',
    causationId: 'c',
    actor: { userId: 'admin', role: 'admin' },
    data,
  };
}

describe('evolveUser', () => {
  it.each([
    ['UserRoleChanged', { userId: 'u', oldRole: 'agent', newRole: 'supervisor' }, { role: 'supervisor', status: 'active' }],
    ['UserDeactivated', { userId: 'u' }, { role: 'agent', status: 'deactivated' }],
    ['UserLoginFailed', { userId: 'u', failedAttempts: 1 }, { role: 'agent', status: 'active' }],
    ['UserDeleted', { userId: 'u' }, null],
  ])('applies %s', (type, data, expected) => {
    expect(evolveUser({ role: 'agent', status: 'active' }, event(type, data))).toEqual(expected);
  });

  it('reactivates a user', () => {
    expect(evolveUser({ role: 'agent', status: 'deactivated' }, event('UserReactivated', { userId: 'u' }))).toEqual({ role: 'agent', status: 'active' });
  });
});

describe('evolveDivision', () => {
  const division = { name: 'D', supervisorId: 's1', agentIds: ['a1'], channelScope: { kind: 'all' as const } };

  it('ignores a change before the creation', () => {
    expect(evolveDivision(null, event('DivisionRenamed', { divisionId: 'd', oldName: 'A', newName: 'B' }))).toBeNull();
  });

  it.each([
    ['DivisionRenamed', { oldName: 'D', newName: 'E' }, { name: 'E' }],
    ['DivisionSupervisorChanged', { oldSupervisorId: 's1', newSupervisorId: 's2' }, { supervisorId: 's2' }],
    ['DivisionSupervisorRemoved', { oldSupervisorId: 's1', reason: 'supervisor_deleted' }, { supervisorId: null }],
    ['DivisionChannelScopeChanged', { oldChannelScope: { kind: 'all' }, newChannelScope: { kind: 'specific', channelIds: ['c1'] } }, { channelScope: { kind: 'specific', channelIds: ['c1'] } }],
    ['AgentsAddedToDivision', { addedAgentIds: ['a2'], oldAgentIds: ['a1'], newAgentIds: ['a1', 'a2'] }, { agentIds: ['a1', 'a2'] }],
    ['AgentRemovedFromDivision', { agentId: 'a1', reason: 'removed_by_admin', oldAgentIds: ['a1'], newAgentIds: [] }, { agentIds: [] }],
  ])('applies %s', (type, data, change) => {
    expect(evolveDivision(division, event(type, { divisionId: 'd', ...data }))).toEqual({ ...division, ...change });
  });

  it('deletes a division', () => {
    expect(evolveDivision(division, event('DivisionDeleted', { divisionId: 'd', name: 'D' }))).toBeNull();
  });
});

describe('evolveChannel', () => {
  const channel = { displayName: 'Sales', phoneNumber: '+6281100000001', status: 'connected' as const };

  it.each([
    ['ChannelSettingsUpdated', { displayName: 'Sales ID' }, { displayName: 'Sales ID' }],
    ['ChannelSettingsUpdated', { tokenFingerprint: 'ff' }, {}],
    ['ChannelMarkedForReconnection', { reason: 'TOKEN_EXPIRED' }, { status: 'needs_reconnection' }],
    ['ChannelDisconnected', {}, { status: 'disconnected' }],
  ])('applies %s', (type, data, change) => {
    expect(evolveChannel(channel, event(type, { channelId: 'c', ...data }))).toEqual({ ...channel, ...change });
  });

  it('reconnects a channel', () => {
    expect(evolveChannel({ ...channel, status: 'needs_reconnection' }, event('ChannelReconnected', { channelId: 'c' }))).toEqual(channel);
  });
});

describe('evolveSettings', () => {
  it('starts from the defaults', () => {
    const record = evolveSettings(null, event('OrganizationWorkloadLimitChanged', { oldLimit: 'unlimited', newLimit: 4 }));

    expect(record?.settings.workload).toEqual({ organizationLimit: 4, divisionLimits: {}, agentLimits: {} });
    expect(record?.settings.agentsMayTransferChats).toBe(true);
  });

  it('removes a limit set to null', () => {
    const first = evolveSettings(null, event('AgentWorkloadLimitChanged', { agentId: 'a1', oldLimit: null, newLimit: 3 }));

    const second = evolveSettings(first, event('AgentWorkloadLimitChanged', { agentId: 'a1', oldLimit: 3, newLimit: null }));

    expect(first?.settings.workload.agentLimits).toEqual({ a1: 3 });
    expect(second?.settings.workload.agentLimits).toEqual({});
  });

  it('grants and revokes broadcast', () => {
    let record = evolveSettings(null, event('BroadcastGrantedToDivision', { divisionId: 'd1' }));
    record = evolveSettings(record, event('BroadcastGrantedToDivision', { divisionId: 'd1' }));
    record = evolveSettings(record, event('BroadcastGrantedToAgent', { agentId: 'a1' }));
    record = evolveSettings(record, event('BroadcastRevokedFromDivision', { divisionId: 'd1' }));

    expect(record?.settings.broadcast).toEqual({ agentIds: ['a1'], divisionIds: [] });
  });
});
