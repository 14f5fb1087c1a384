import type { DivisionEventDataByType } from '@regu/contracts';
import { envelope } from '../../common/test-support/envelopes';
import { evolveDivisionListEntry, type DivisionListEntry } from './division-list.projection';

const at = (streamVersion: number) => ({ organizationId: 'org-1', streamId: 'division-1', streamVersion });
const created: DivisionEventDataByType['DivisionCreated'] = {
  divisionId: 'division-1',
  name: 'Sales Team',
  supervisorId: 'supervisor-1',
  agentIds: ['agent-1', 'agent-2'],
  channelScope: { kind: 'specific', channelIds: ['channel-1'] },
};
const entry: DivisionListEntry = {
  name: 'Sales Team',
  normalizedName: 'sales team',
  supervisorId: 'supervisor-1',
  agentIds: ['agent-1', 'agent-2'],
  servesAllChannels: false,
  channelIds: ['channel-1'],
  createdAt: '2026-01-01T00:00:01.000Z',
  updatedAt: '2026-01-01T00:00:01.000Z',
};
const updatedAt = '2026-01-01T00:00:02.000Z';

describe('evolveDivisionListEntry', () => {
  it('applies DivisionCreated', () => {
    expect(evolveDivisionListEntry(null, envelope('DivisionCreated', created, at(1)))).toEqual(entry);
  });

  it.each([
    ['DivisionRenamed', { oldName: 'Sales Team', newName: 'Ventas' }, { name: 'Ventas', normalizedName: 'ventas' }],
    ['DivisionSupervisorChanged', { oldSupervisorId: 'supervisor-1', newSupervisorId: 'supervisor-2' }, { supervisorId: 'supervisor-2' }],
    ['DivisionSupervisorRemoved', { oldSupervisorId: 'supervisor-1', reason: 'supervisor_deactivated' }, { supervisorId: null }],
    [
      'DivisionChannelScopeChanged',
      { oldChannelScope: created.channelScope, newChannelScope: { kind: 'all' } },
      { servesAllChannels: true, channelIds: [] },
    ],
    [
      'ChannelRemovedFromDivision',
      { channelId: 'channel-1', reason: 'channel_disconnected', oldChannelScope: created.channelScope, newChannelScope: { kind: 'specific', channelIds: [] } },
      { channelIds: [] },
    ],
    [
      'AgentsAddedToDivision',
      { addedAgentIds: ['agent-3'], oldAgentIds: ['agent-1', 'agent-2'], newAgentIds: ['agent-1', 'agent-2', 'agent-3'] },
      { agentIds: ['agent-1', 'agent-2', 'agent-3'] },
    ],
    [
      'AgentRemovedFromDivision',
      { agentId: 'agent-1', reason: 'removed_by_admin', oldAgentIds: ['agent-1', 'agent-2'], newAgentIds: ['agent-2'] },
      { agentIds: ['agent-2'] },
    ],
  ])('applies %s', (type, data, changes) => {
    expect(evolveDivisionListEntry(entry, envelope(type, { divisionId: 'division-1', ...data }, at(2)))).toEqual({ ...entry, ...changes, updatedAt });
  });

  it('turns DivisionDeleted into a tombstone', () => {
    expect(evolveDivisionListEntry(entry, envelope('DivisionDeleted', { divisionId: 'division-1', name: 'Sales Team' }, at(2)))).toBeNull();
  });

  it('compares names regardless of case and surrounding Unicode forms', () => {
    const renamed = envelope('DivisionRenamed', { divisionId: 'division-1', oldName: 'Sales Team', newName: 'Cafe\u0301 ÉQUIPE' }, at(2));
    expect(evolveDivisionListEntry(entry, renamed)?.normalizedName).toBe('café équipe');
  });
});
