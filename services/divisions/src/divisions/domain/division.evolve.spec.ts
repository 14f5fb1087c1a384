import { randomUUID } from 'node:crypto';
import type { DivisionEvent } from '@regu/contracts';
import { evolveDivision, hasNoAgents, hasNoChannels, initialDivisionState, needsSupervisor } from './division.evolve';
import type { ActiveDivision, DivisionState } from './division.evolve';

function fixture() {
  const divisionId = randomUUID();
  const supervisorId = `supervisor-${randomUUID()}`;
  const agentA = `agent-${randomUUID()}`;
  const agentB = `agent-${randomUUID()}`;
  const channelA = `channel-${randomUUID()}`;

  const created: DivisionEvent = {
    type: 'DivisionCreated',
    schemaVersion: 1,
    data: { divisionId, name: 'Sales', supervisorId, agentIds: [agentA], channelScope: { kind: 'specific', channelIds: [channelA] } },
  };

  const active: ActiveDivision = {
    status: 'active',
    divisionId,
    name: 'Sales',
    supervisorId,
    agentIds: [agentA],
    channelScope: { kind: 'specific', channelIds: [channelA] },
  };

  const deleted: DivisionEvent = { type: 'DivisionDeleted', schemaVersion: 1, data: { divisionId, name: 'Sales' } };

  return { divisionId, supervisorId, agentA, agentB, channelA, created, active, deleted };
}

function replay(...events: DivisionEvent[]): DivisionState {
  return events.reduce(evolveDivision, initialDivisionState);
}

describe('evolveDivision', () => {
  it('starts empty', () => {
    expect(replay()).toEqual({ status: 'empty' });
  });

  it('applies DivisionCreated', () => {
    const f = fixture();

    expect(replay(f.created)).toEqual(f.active);
  });

  it('applies DivisionRenamed', () => {
    const f = fixture();
    const renamed: DivisionEvent = { type: 'DivisionRenamed', schemaVersion: 1, data: { divisionId: f.divisionId, oldName: 'Sales', newName: 'Support' } };

    expect(replay(f.created, renamed)).toEqual({ ...f.active, name: 'Support' });
  });

  it('applies DivisionSupervisorChanged', () => {
    const f = fixture();
    const newSupervisorId = `supervisor-${randomUUID()}`;
    const changed: DivisionEvent = {
      type: 'DivisionSupervisorChanged',
      schemaVersion: 1,
      data: { divisionId: f.divisionId, oldSupervisorId: f.supervisorId, newSupervisorId },
    };

    expect(replay(f.created, changed)).toEqual({ ...f.active, supervisorId: newSupervisorId });
  });

  it('applies DivisionSupervisorRemoved', () => {
    const f = fixture();
    const removed: DivisionEvent = {
      type: 'DivisionSupervisorRemoved',
      schemaVersion: 1,
      data: { divisionId: f.divisionId, oldSupervisorId: f.supervisorId, reason: 'supervisor_deactivated' },
    };

    expect(replay(f.created, removed)).toEqual({ ...f.active, supervisorId: null });
  });

  it('applies DivisionChannelScopeChanged', () => {
    const f = fixture();
    const changed: DivisionEvent = {
      type: 'DivisionChannelScopeChanged',
      schemaVersion: 1,
      data: { divisionId: f.divisionId, oldChannelScope: f.active.channelScope, newChannelScope: { kind: 'all' } },
    };

    expect(replay(f.created, changed)).toEqual({ ...f.active, channelScope: { kind: 'all' } });
  });

  it('applies ChannelRemovedFromDivision', () => {
    const f = fixture();
    const removed: DivisionEvent = {
      type: 'ChannelRemovedFromDivision',
      schemaVersion: 1,
      data: {
        divisionId: f.divisionId,
        channelId: f.channelA,
        reason: 'channel_disconnected',
        oldChannelScope: f.active.channelScope,
        newChannelScope: { kind: 'specific', channelIds: [] },
      },
    };

    expect(replay(f.created, removed)).toEqual({ ...f.active, channelScope: { kind: 'specific', channelIds: [] } });
  });

  it('applies AgentsAddedToDivision', () => {
    const f = fixture();
    const added: DivisionEvent = {
      type: 'AgentsAddedToDivision',
      schemaVersion: 1,
      data: { divisionId: f.divisionId, addedAgentIds: [f.agentB], oldAgentIds: [f.agentA], newAgentIds: [f.agentA, f.agentB] },
    };

    expect(replay(f.created, added)).toEqual({ ...f.active, agentIds: [f.agentA, f.agentB] });
  });

  it('applies AgentRemovedFromDivision', () => {
    const f = fixture();
    const removed: DivisionEvent = {
      type: 'AgentRemovedFromDivision',
      schemaVersion: 1,
      data: { divisionId: f.divisionId, agentId: f.agentA, reason: 'agent_deactivated', oldAgentIds: [f.agentA], newAgentIds: [] },
    };

    expect(replay(f.created, removed)).toEqual({ ...f.active, agentIds: [] });
  });

  it('applies DivisionDeleted', () => {
    const f = fixture();

    expect(replay(f.created, f.deleted)).toEqual({ status: 'deleted', divisionId: f.divisionId, name: 'Sales' });
  });

  it('ignores a change before the creation', () => {
    const f = fixture();
    const renamed: DivisionEvent = { type: 'DivisionRenamed', schemaVersion: 1, data: { divisionId: f.divisionId, oldName: 'Sales', newName: 'Support' } };

    expect(replay(renamed)).toEqual({ status: 'empty' });
  });

  it('ignores a change after the deletion', () => {
    const f = fixture();
    const renamed: DivisionEvent = { type: 'DivisionRenamed', schemaVersion: 1, data: { divisionId: f.divisionId, oldName: 'Sales', newName: 'Support' } };

    expect(replay(f.created, f.deleted, renamed)).toEqual({ status: 'deleted', divisionId: f.divisionId, name: 'Sales' });
  });

  it('ignores a second DivisionCreated', () => {
    const f = fixture();
    const again: DivisionEvent = { ...f.created, data: { ...f.created.data, name: 'Other' } } as DivisionEvent;

    expect(replay(f.created, again)).toEqual(f.active);
  });

  it('throws on an unknown event type', () => {
    const f = fixture();
    const unknown = { type: 'DivisionArchived', schemaVersion: 1, data: {} } as unknown as DivisionEvent;

    expect(() => replay(f.created, unknown)).toThrow('Unexpected value');
  });
});

describe('division markers', () => {
  it('needsSupervisor only without a supervisor', () => {
    const f = fixture();

    expect(needsSupervisor(f.active)).toBe(false);
    expect(needsSupervisor({ ...f.active, supervisorId: null })).toBe(true);
  });

  it('hasNoAgents only without agents', () => {
    const f = fixture();

    expect(hasNoAgents(f.active)).toBe(false);
    expect(hasNoAgents({ ...f.active, agentIds: [] })).toBe(true);
  });

  it('hasNoChannels only for an empty specific scope', () => {
    const f = fixture();

    expect(hasNoChannels(f.active)).toBe(false);
    expect(hasNoChannels({ ...f.active, channelScope: { kind: 'all' } })).toBe(false);
    expect(hasNoChannels({ ...f.active, channelScope: { kind: 'specific', channelIds: [] } })).toBe(true);
  });
});
