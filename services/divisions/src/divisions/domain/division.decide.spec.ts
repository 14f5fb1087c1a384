import { randomUUID } from 'node:crypto';
import type { ChannelScope, DivisionEvent } from '@regu/contracts';
import {
  addAgentsToDivision,
  changeDivisionChannelScope,
  changeDivisionSupervisor,
  createDivision,
  deleteDivision,
  removeAgentFromDivision,
  removeDisconnectedChannelFromDivision,
  removeUnavailableAgentFromDivision,
  removeUnavailableSupervisorFromDivision,
  renameDivision,
} from './division.decide';
import type { CreateDivision, DirectoryLookup } from './division.decide';
import {
  AgentsNotActive,
  ChannelsNotConnected,
  DivisionAlreadyExists,
  DivisionInputInvalid,
  DivisionNameAlreadyUsed,
  DivisionNotFound,
  LastAgentCannotBeRemoved,
  SupervisorNotActive,
} from './division.errors';
import { evolveDivision, hasNoAgents, hasNoChannels, initialDivisionState, needsSupervisor } from './division.evolve';
import type { ActiveDivision, DivisionState } from './division.evolve';

type Decision = (state: DivisionState) => DivisionEvent[];

function given(...events: DivisionEvent[]) {
  const state = events.reduce(evolveDivision, initialDivisionState);
  return {
    state,
    when(decide: Decision) {
      return {
        then(expected: DivisionEvent[]): void {
          expect(decide(state)).toEqual(expected);
        },
        thenThrows(errorType: new (...args: never[]) => Error, expected: Record<string, unknown>): void {
          let caught: unknown;
          try {
            decide(state);
          } catch (error) {
            caught = error;
          }
          expect(caught).toBeInstanceOf(errorType);
          expect(caught).toMatchObject(expected);
        },
      };
    },
  };
}

function directory(ids: Partial<Record<keyof DirectoryLookup, string[]>> = {}): DirectoryLookup {
  return {
    activeSupervisorIds: new Set(ids.activeSupervisorIds ?? []),
    activeAgentIds: new Set(ids.activeAgentIds ?? []),
    connectedChannelIds: new Set(ids.connectedChannelIds ?? []),
  };
}

/** Fresh ids for one test, and the events and lookups of a division built from them. */
function fixture() {
  const divisionId = randomUUID();
  const supervisorId = `supervisor-${randomUUID()}`;
  const otherSupervisorId = `supervisor-${randomUUID()}`;
  const agentA = `agent-${randomUUID()}`;
  const agentB = `agent-${randomUUID()}`;
  const agentC = `agent-${randomUUID()}`;
  const channelA = `channel-${randomUUID()}`;
  const channelB = `channel-${randomUUID()}`;

  const lookup = directory({
    activeSupervisorIds: [supervisorId, otherSupervisorId],
    activeAgentIds: [agentA, agentB, agentC],
    connectedChannelIds: [channelA, channelB],
  });

  const created = (overrides: Partial<CreateDivision> = {}): DivisionEvent => ({
    type: 'DivisionCreated',
    schemaVersion: 1,
    data: {
      divisionId,
      name: 'Sales',
      supervisorId,
      agentIds: [agentA, agentB],
      channelScope: { kind: 'specific', channelIds: [channelA, channelB] },
      ...overrides,
    },
  });

  const createCommand = (overrides: Partial<CreateDivision> = {}): CreateDivision => ({
    divisionId,
    name: 'Sales',
    supervisorId,
    agentIds: [agentA, agentB],
    channelScope: { kind: 'specific', channelIds: [channelA, channelB] },
    ...overrides,
  });

  const deleted: DivisionEvent = { type: 'DivisionDeleted', schemaVersion: 1, data: { divisionId, name: 'Sales' } };

  return { divisionId, supervisorId, otherSupervisorId, agentA, agentB, agentC, channelA, channelB, lookup, created, createCommand, deleted };
}

describe('createDivision', () => {
  it('creates a division with a trimmed name', () => {
    const f = fixture();

    given()
      .when((state) => createDivision(f.createCommand({ name: '  Sales  ' }), state, { nameTaken: false, ...f.lookup }))
      .then([f.created()]);
  });

  it('creates a division scoped to all channels', () => {
    const f = fixture();
    const channelScope: ChannelScope = { kind: 'all' };

    given()
      .when((state) => createDivision(f.createCommand({ channelScope }), state, { nameTaken: false, ...f.lookup }))
      .then([f.created({ channelScope })]);
  });

  it('keeps a repeated agent or channel once', () => {
    const f = fixture();
    const command = f.createCommand({
      agentIds: [f.agentA, f.agentB, f.agentA],
      channelScope: { kind: 'specific', channelIds: [f.channelA, f.channelB, f.channelB] },
    });

    given()
      .when((state) => createDivision(command, state, { nameTaken: false, ...f.lookup }))
      .then([f.created()]);
  });

  it('rejects missing name, supervisor and agents in one error', () => {
    const f = fixture();
    const command = f.createCommand({ name: '   ', supervisorId: '', agentIds: [] });

    given()
      .when((state) => createDivision(command, state, { nameTaken: false, ...f.lookup }))
      .thenThrows(DivisionInputInvalid, {
        code: 'VALIDATION_FAILED',
        status: 400,
        errors: [
          { field: 'name', code: 'FIELD_REQUIRED', message: 'field is required' },
          { field: 'supervisorId', code: 'FIELD_REQUIRED', message: 'field is required' },
          { field: 'agentIds', code: 'FIELD_REQUIRED', message: 'field is required' },
        ],
      });
  });

  it('rejects fields that are absent at run time', () => {
    const f = fixture();
    const command = { divisionId: f.divisionId } as CreateDivision;

    given()
      .when((state) => createDivision(command, state, { nameTaken: false, ...f.lookup }))
      .thenThrows(DivisionInputInvalid, {
        errors: [
          expect.objectContaining({ field: 'name', code: 'FIELD_REQUIRED' }),
          expect.objectContaining({ field: 'supervisorId', code: 'FIELD_REQUIRED' }),
          expect.objectContaining({ field: 'agentIds', code: 'FIELD_REQUIRED' }),
          expect.objectContaining({ field: 'channelScope', code: 'FIELD_REQUIRED' }),
        ],
      });
  });

  it('accepts a name of exactly 100 characters', () => {
    const f = fixture();
    const name = 'n'.repeat(100);

    given()
      .when((state) => createDivision(f.createCommand({ name }), state, { nameTaken: false, ...f.lookup }))
      .then([f.created({ name })]);
  });

  it('counts an emoji as one character', () => {
    const f = fixture();
    const name = '😀'.repeat(100);

    given()
      .when((state) => createDivision(f.createCommand({ name }), state, { nameTaken: false, ...f.lookup }))
      .then([f.created({ name })]);
  });

  it('rejects a name of 101 characters', () => {
    const f = fixture();

    given()
      .when((state) => createDivision(f.createCommand({ name: 'n'.repeat(101) }), state, { nameTaken: false, ...f.lookup }))
      .thenThrows(DivisionInputInvalid, {
        errors: [{ field: 'name', code: 'DIVISION_NAME_TOO_LONG', message: 'The division name is longer than 100 characters; shorten it.' }],
      });
  });

  it('rejects specific channels without a channel', () => {
    const f = fixture();

    given()
      .when((state) =>
        createDivision(f.createCommand({ channelScope: { kind: 'specific', channelIds: [] } }), state, { nameTaken: false, ...f.lookup }),
      )
      .thenThrows(DivisionInputInvalid, { errors: [expect.objectContaining({ field: 'channelScope.channelIds', code: 'FIELD_REQUIRED' })] });
  });

  it('rejects an unknown channel scope kind', () => {
    const f = fixture();
    const channelScope = { kind: 'some' } as unknown as ChannelScope;

    given()
      .when((state) => createDivision(f.createCommand({ channelScope }), state, { nameTaken: false, ...f.lookup }))
      .thenThrows(DivisionInputInvalid, {
        errors: [expect.objectContaining({ field: 'channelScope.kind', code: 'CHANNEL_SCOPE_INVALID' })],
      });
  });

  it('rejects a name already used in the organization', () => {
    const f = fixture();

    given()
      .when((state) => createDivision(f.createCommand({ name: ' Sales ' }), state, { nameTaken: true, ...f.lookup }))
      .thenThrows(DivisionNameAlreadyUsed, { code: 'DIVISION_NAME_ALREADY_USED', status: 409, params: { name: 'Sales' } });
  });

  it('rejects a supervisor who is not an active supervisor', () => {
    const f = fixture();
    const strangerId = `user-${randomUUID()}`;

    given()
      .when((state) => createDivision(f.createCommand({ supervisorId: strangerId }), state, { nameTaken: false, ...f.lookup }))
      .thenThrows(SupervisorNotActive, {
        code: 'SUPERVISOR_NOT_ACTIVE',
        status: 400,
        params: { supervisorId: strangerId },
        errors: [expect.objectContaining({ field: 'supervisorId', code: 'SUPERVISOR_NOT_ACTIVE' })],
      });
  });

  it('rejects agents who are not active agents, naming each one', () => {
    const f = fixture();
    const otherOrganizationAgent = `agent-${randomUUID()}`;
    const deactivatedAgent = `agent-${randomUUID()}`;
    const command = f.createCommand({ agentIds: [f.agentA, otherOrganizationAgent, deactivatedAgent] });

    given()
      .when((state) => createDivision(command, state, { nameTaken: false, ...f.lookup }))
      .thenThrows(AgentsNotActive, {
        code: 'AGENTS_NOT_ACTIVE',
        status: 400,
        params: { agentIds: `${otherOrganizationAgent}, ${deactivatedAgent}` },
        errors: [
          expect.objectContaining({ field: 'agentIds[1]', code: 'AGENTS_NOT_ACTIVE' }),
          expect.objectContaining({ field: 'agentIds[2]', code: 'AGENTS_NOT_ACTIVE' }),
        ],
      });
  });

  it('rejects channels that are not connected, naming each one', () => {
    const f = fixture();
    const disconnected = `channel-${randomUUID()}`;
    const command = f.createCommand({ channelScope: { kind: 'specific', channelIds: [disconnected, f.channelA] } });

    given()
      .when((state) => createDivision(command, state, { nameTaken: false, ...f.lookup }))
      .thenThrows(ChannelsNotConnected, {
        code: 'CHANNELS_NOT_CONNECTED',
        status: 400,
        params: { channelIds: disconnected },
        errors: [expect.objectContaining({ field: 'channelScope.channelIds[0]', code: 'CHANNELS_NOT_CONNECTED' })],
      });
  });

  it('rejects an id that already has a division', () => {
    const f = fixture();

    given(f.created())
      .when((state) => createDivision(f.createCommand(), state, { nameTaken: false, ...f.lookup }))
      .thenThrows(DivisionAlreadyExists, { code: 'DIVISION_ALREADY_EXISTS', status: 409 });
  });

  it('rejects the id of a deleted division', () => {
    const f = fixture();

    given(f.created(), f.deleted)
      .when((state) => createDivision(f.createCommand(), state, { nameTaken: false, ...f.lookup }))
      .thenThrows(DivisionAlreadyExists, { code: 'DIVISION_ALREADY_EXISTS' });
  });
});

describe('renameDivision', () => {
  it('renames with the old and new name', () => {
    const f = fixture();

    given(f.created())
      .when((state) => renameDivision({ divisionId: f.divisionId, name: ' Support ' }, state, { nameTaken: false }))
      .then([{ type: 'DivisionRenamed', schemaVersion: 1, data: { divisionId: f.divisionId, oldName: 'Sales', newName: 'Support' } }]);
  });

  it('renames when only the case changes', () => {
    const f = fixture();

    given(f.created())
      .when((state) => renameDivision({ divisionId: f.divisionId, name: 'SALES' }, state, { nameTaken: false }))
      .then([{ type: 'DivisionRenamed', schemaVersion: 1, data: { divisionId: f.divisionId, oldName: 'Sales', newName: 'SALES' } }]);
  });

  it('rejects a name already used', () => {
    const f = fixture();

    given(f.created())
      .when((state) => renameDivision({ divisionId: f.divisionId, name: 'Support' }, state, { nameTaken: true }))
      .thenThrows(DivisionNameAlreadyUsed, { code: 'DIVISION_NAME_ALREADY_USED', status: 409, params: { name: 'Support' } });
  });

  it('rejects a blank name', () => {
    const f = fixture();

    given(f.created())
      .when((state) => renameDivision({ divisionId: f.divisionId, name: '  ' }, state, { nameTaken: false }))
      .thenThrows(DivisionInputInvalid, { errors: [expect.objectContaining({ field: 'name', code: 'FIELD_REQUIRED' })] });
  });

  it('rejects a name longer than 100 characters', () => {
    const f = fixture();

    given(f.created())
      .when((state) => renameDivision({ divisionId: f.divisionId, name: 'n'.repeat(101) }, state, { nameTaken: false }))
      .thenThrows(DivisionInputInvalid, { errors: [expect.objectContaining({ field: 'name', code: 'DIVISION_NAME_TOO_LONG' })] });
  });

  it('rejects renaming a deleted division', () => {
    const f = fixture();

    given(f.created(), f.deleted)
      .when((state) => renameDivision({ divisionId: f.divisionId, name: 'Support' }, state, { nameTaken: false }))
      .thenThrows(DivisionNotFound, { code: 'DIVISION_NOT_FOUND', status: 404, params: { divisionId: f.divisionId } });
  });

  it('rejects renaming an unknown division', () => {
    const f = fixture();

    given()
      .when((state) => renameDivision({ divisionId: f.divisionId, name: 'Support' }, state, { nameTaken: false }))
      .thenThrows(DivisionNotFound, { status: 404 });
  });

  it('ignores the current name, even when the lookup found it', () => {
    const f = fixture();

    given(f.created())
      .when((state) => renameDivision({ divisionId: f.divisionId, name: ' Sales ' }, state, { nameTaken: true }))
      .then([]);
  });
});

describe('changeDivisionSupervisor', () => {
  it('changes the supervisor with the old and new id', () => {
    const f = fixture();

    given(f.created())
      .when((state) => changeDivisionSupervisor({ divisionId: f.divisionId, supervisorId: f.otherSupervisorId }, state, f.lookup))
      .then([
        {
          type: 'DivisionSupervisorChanged',
          schemaVersion: 1,
          data: { divisionId: f.divisionId, oldSupervisorId: f.supervisorId, newSupervisorId: f.otherSupervisorId },
        },
      ]);
  });

  it('sets a supervisor on a division that needs one', () => {
    const f = fixture();
    const removed: DivisionEvent = {
      type: 'DivisionSupervisorRemoved',
      schemaVersion: 1,
      data: { divisionId: f.divisionId, oldSupervisorId: f.supervisorId, reason: 'supervisor_deactivated' },
    };

    given(f.created(), removed)
      .when((state) => changeDivisionSupervisor({ divisionId: f.divisionId, supervisorId: f.otherSupervisorId }, state, f.lookup))
      .then([
        {
          type: 'DivisionSupervisorChanged',
          schemaVersion: 1,
          data: { divisionId: f.divisionId, oldSupervisorId: null, newSupervisorId: f.otherSupervisorId },
        },
      ]);
  });

  it('rejects a user who is not an active supervisor', () => {
    const f = fixture();

    given(f.created())
      .when((state) => changeDivisionSupervisor({ divisionId: f.divisionId, supervisorId: f.agentA }, state, f.lookup))
      .thenThrows(SupervisorNotActive, { code: 'SUPERVISOR_NOT_ACTIVE', params: { supervisorId: f.agentA } });
  });

  it('rejects a blank supervisor', () => {
    const f = fixture();

    given(f.created())
      .when((state) => changeDivisionSupervisor({ divisionId: f.divisionId, supervisorId: ' ' }, state, f.lookup))
      .thenThrows(DivisionInputInvalid, { errors: [expect.objectContaining({ field: 'supervisorId', code: 'FIELD_REQUIRED' })] });
  });

  it('rejects a deleted division', () => {
    const f = fixture();

    given(f.created(), f.deleted)
      .when((state) => changeDivisionSupervisor({ divisionId: f.divisionId, supervisorId: f.otherSupervisorId }, state, f.lookup))
      .thenThrows(DivisionNotFound, { status: 404 });
  });

  it('ignores the current supervisor', () => {
    const f = fixture();

    given(f.created())
      .when((state) => changeDivisionSupervisor({ divisionId: f.divisionId, supervisorId: f.supervisorId }, state, directory()))
      .then([]);
  });
});

describe('changeDivisionChannelScope', () => {
  it('changes specific channels to all channels', () => {
    const f = fixture();

    given(f.created())
      .when((state) => changeDivisionChannelScope({ divisionId: f.divisionId, channelScope: { kind: 'all' } }, state, f.lookup))
      .then([
        {
          type: 'DivisionChannelScopeChanged',
          schemaVersion: 1,
          data: {
            divisionId: f.divisionId,
            oldChannelScope: { kind: 'specific', channelIds: [f.channelA, f.channelB] },
            newChannelScope: { kind: 'all' },
          },
        },
      ]);
  });

  it('changes all channels to specific channels', () => {
    const f = fixture();

    given(f.created({ channelScope: { kind: 'all' } }))
      .when((state) =>
        changeDivisionChannelScope({ divisionId: f.divisionId, channelScope: { kind: 'specific', channelIds: [f.channelB] } }, state, f.lookup),
      )
      .then([
        {
          type: 'DivisionChannelScopeChanged',
          schemaVersion: 1,
          data: { divisionId: f.divisionId, oldChannelScope: { kind: 'all' }, newChannelScope: { kind: 'specific', channelIds: [f.channelB] } },
        },
      ]);
  });

  it('gives channels back to a division left with none', () => {
    const f = fixture();
    const lostLastChannel: DivisionEvent = {
      type: 'ChannelRemovedFromDivision',
      schemaVersion: 1,
      data: {
        divisionId: f.divisionId,
        channelId: f.channelA,
        reason: 'channel_disconnected',
        oldChannelScope: { kind: 'specific', channelIds: [f.channelA] },
        newChannelScope: { kind: 'specific', channelIds: [] },
      },
    };

    given(f.created({ channelScope: { kind: 'specific', channelIds: [f.channelA] } }), lostLastChannel)
      .when((state) =>
        changeDivisionChannelScope({ divisionId: f.divisionId, channelScope: { kind: 'specific', channelIds: [f.channelB] } }, state, f.lookup),
      )
      .then([
        {
          type: 'DivisionChannelScopeChanged',
          schemaVersion: 1,
          data: {
            divisionId: f.divisionId,
            oldChannelScope: { kind: 'specific', channelIds: [] },
            newChannelScope: { kind: 'specific', channelIds: [f.channelB] },
          },
        },
      ]);
  });

  it('rejects specific channels without a channel', () => {
    const f = fixture();

    given(f.created())
      .when((state) =>
        changeDivisionChannelScope({ divisionId: f.divisionId, channelScope: { kind: 'specific', channelIds: [] } }, state, f.lookup),
      )
      .thenThrows(DivisionInputInvalid, { errors: [expect.objectContaining({ field: 'channelScope.channelIds', code: 'FIELD_REQUIRED' })] });
  });

  it('rejects a channel that is not connected', () => {
    const f = fixture();
    const disconnected = `channel-${randomUUID()}`;

    given(f.created())
      .when((state) =>
        changeDivisionChannelScope(
          { divisionId: f.divisionId, channelScope: { kind: 'specific', channelIds: [f.channelA, disconnected] } },
          state,
          f.lookup,
        ),
      )
      .thenThrows(ChannelsNotConnected, {
        params: { channelIds: disconnected },
        errors: [expect.objectContaining({ field: 'channelScope.channelIds[1]' })],
      });
  });

  it('rejects a deleted division', () => {
    const f = fixture();

    given(f.created(), f.deleted)
      .when((state) => changeDivisionChannelScope({ divisionId: f.divisionId, channelScope: { kind: 'all' } }, state, f.lookup))
      .thenThrows(DivisionNotFound, { status: 404 });
  });

  it('ignores the same channels in another order', () => {
    const f = fixture();

    given(f.created())
      .when((state) =>
        changeDivisionChannelScope(
          { divisionId: f.divisionId, channelScope: { kind: 'specific', channelIds: [f.channelB, f.channelA] } },
          state,
          directory(),
        ),
      )
      .then([]);
  });

  it('ignores all channels when already all', () => {
    const f = fixture();

    given(f.created({ channelScope: { kind: 'all' } }))
      .when((state) => changeDivisionChannelScope({ divisionId: f.divisionId, channelScope: { kind: 'all' } }, state, f.lookup))
      .then([]);
  });
});

describe('addAgentsToDivision', () => {
  it('adds only agents who are not members yet', () => {
    const f = fixture();

    given(f.created())
      .when((state) => addAgentsToDivision({ divisionId: f.divisionId, agentIds: [f.agentB, f.agentC] }, state, f.lookup))
      .then([
        {
          type: 'AgentsAddedToDivision',
          schemaVersion: 1,
          data: {
            divisionId: f.divisionId,
            addedAgentIds: [f.agentC],
            oldAgentIds: [f.agentA, f.agentB],
            newAgentIds: [f.agentA, f.agentB, f.agentC],
          },
        },
      ]);
  });

  it('adds an agent to a division left without agents', () => {
    const f = fixture();
    const lastAgentLeft: DivisionEvent = {
      type: 'AgentRemovedFromDivision',
      schemaVersion: 1,
      data: { divisionId: f.divisionId, agentId: f.agentA, reason: 'agent_deleted', oldAgentIds: [f.agentA], newAgentIds: [] },
    };

    given(f.created({ agentIds: [f.agentA] }), lastAgentLeft)
      .when((state) => addAgentsToDivision({ divisionId: f.divisionId, agentIds: [f.agentC] }, state, f.lookup))
      .then([
        {
          type: 'AgentsAddedToDivision',
          schemaVersion: 1,
          data: { divisionId: f.divisionId, addedAgentIds: [f.agentC], oldAgentIds: [], newAgentIds: [f.agentC] },
        },
      ]);
  });

  it('rejects an agent who is not active, naming their position', () => {
    const f = fixture();
    const stranger = `agent-${randomUUID()}`;

    given(f.created())
      .when((state) => addAgentsToDivision({ divisionId: f.divisionId, agentIds: [f.agentC, stranger] }, state, f.lookup))
      .thenThrows(AgentsNotActive, {
        code: 'AGENTS_NOT_ACTIVE',
        params: { agentIds: stranger },
        errors: [expect.objectContaining({ field: 'agentIds[1]' })],
      });
  });

  it('rejects an empty list of agents', () => {
    const f = fixture();

    given(f.created())
      .when((state) => addAgentsToDivision({ divisionId: f.divisionId, agentIds: [] }, state, f.lookup))
      .thenThrows(DivisionInputInvalid, { errors: [expect.objectContaining({ field: 'agentIds', code: 'FIELD_REQUIRED' })] });
  });

  it('rejects a deleted division', () => {
    const f = fixture();

    given(f.created(), f.deleted)
      .when((state) => addAgentsToDivision({ divisionId: f.divisionId, agentIds: [f.agentC] }, state, f.lookup))
      .thenThrows(DivisionNotFound, { status: 404 });
  });

  it('ignores agents who are all members already', () => {
    const f = fixture();

    given(f.created())
      .when((state) => addAgentsToDivision({ divisionId: f.divisionId, agentIds: [f.agentA, f.agentB] }, state, directory()))
      .then([]);
  });
});

describe('removeAgentFromDivision', () => {
  it('removes an agent with the old and new agent lists', () => {
    const f = fixture();

    given(f.created())
      .when((state) => removeAgentFromDivision({ divisionId: f.divisionId, agentId: f.agentA }, state))
      .then([
        {
          type: 'AgentRemovedFromDivision',
          schemaVersion: 1,
          data: {
            divisionId: f.divisionId,
            agentId: f.agentA,
            reason: 'removed_by_admin',
            oldAgentIds: [f.agentA, f.agentB],
            newAgentIds: [f.agentB],
          },
        },
      ]);
  });

  it('rejects removing the last agent', () => {
    const f = fixture();

    given(f.created({ agentIds: [f.agentA] }))
      .when((state) => removeAgentFromDivision({ divisionId: f.divisionId, agentId: f.agentA }, state))
      .thenThrows(LastAgentCannotBeRemoved, {
        code: 'LAST_AGENT_CANNOT_BE_REMOVED',
        status: 409,
        params: { divisionId: f.divisionId, agentId: f.agentA },
      });
  });

  it('rejects a deleted division', () => {
    const f = fixture();

    given(f.created(), f.deleted)
      .when((state) => removeAgentFromDivision({ divisionId: f.divisionId, agentId: f.agentA }, state))
      .thenThrows(DivisionNotFound, { status: 404 });
  });

  it('ignores an agent who is not a member', () => {
    const f = fixture();

    given(f.created())
      .when((state) => removeAgentFromDivision({ divisionId: f.divisionId, agentId: f.agentC }, state))
      .then([]);
  });
});

describe('deleteDivision', () => {
  it('deletes a division with its name', () => {
    const f = fixture();

    given(f.created())
      .when((state) => deleteDivision({ divisionId: f.divisionId }, state))
      .then([f.deleted]);
  });

  it('rejects a division that never existed', () => {
    const f = fixture();

    given()
      .when((state) => deleteDivision({ divisionId: f.divisionId }, state))
      .thenThrows(DivisionNotFound, { code: 'DIVISION_NOT_FOUND', status: 404 });
  });

  it('ignores a deleted division', () => {
    const f = fixture();

    given(f.created(), f.deleted)
      .when((state) => deleteDivision({ divisionId: f.divisionId }, state))
      .then([]);
  });
});

describe('removeUnavailableAgentFromDivision', () => {
  it('removes a deactivated agent with the reason', () => {
    const f = fixture();

    given(f.created())
      .when((state) => removeUnavailableAgentFromDivision({ divisionId: f.divisionId, agentId: f.agentB, reason: 'agent_deactivated' }, state))
      .then([
        {
          type: 'AgentRemovedFromDivision',
          schemaVersion: 1,
          data: {
            divisionId: f.divisionId,
            agentId: f.agentB,
            reason: 'agent_deactivated',
            oldAgentIds: [f.agentA, f.agentB],
            newAgentIds: [f.agentA],
          },
        },
      ]);
  });

  it('removes the last agent, leaving the division without agents', () => {
    const f = fixture();
    const { state } = given(f.created({ agentIds: [f.agentA] }));

    const events = removeUnavailableAgentFromDivision({ divisionId: f.divisionId, agentId: f.agentA, reason: 'agent_role_changed' }, state);
    const after = events.reduce(evolveDivision, state);

    expect(events).toEqual([
      {
        type: 'AgentRemovedFromDivision',
        schemaVersion: 1,
        data: { divisionId: f.divisionId, agentId: f.agentA, reason: 'agent_role_changed', oldAgentIds: [f.agentA], newAgentIds: [] },
      },
    ]);
    expect(after.status).toBe('active');
    expect(hasNoAgents(after as ActiveDivision)).toBe(true);
  });

  it('ignores an agent who is not a member', () => {
    const f = fixture();

    given(f.created())
      .when((state) => removeUnavailableAgentFromDivision({ divisionId: f.divisionId, agentId: f.agentC, reason: 'agent_deleted' }, state))
      .then([]);
  });

  it('ignores a deleted division instead of failing', () => {
    const f = fixture();

    given(f.created(), f.deleted)
      .when((state) => removeUnavailableAgentFromDivision({ divisionId: f.divisionId, agentId: f.agentA, reason: 'agent_deleted' }, state))
      .then([]);
  });

  it('ignores a division that never existed', () => {
    const f = fixture();

    given()
      .when((state) => removeUnavailableAgentFromDivision({ divisionId: f.divisionId, agentId: f.agentA, reason: 'agent_deleted' }, state))
      .then([]);
  });
});

describe('removeUnavailableSupervisorFromDivision', () => {
  it('removes a deactivated supervisor, leaving the division in need of one', () => {
    const f = fixture();
    const { state } = given(f.created());

    const events = removeUnavailableSupervisorFromDivision(
      { divisionId: f.divisionId, supervisorId: f.supervisorId, reason: 'supervisor_deactivated' },
      state,
    );
    const after = events.reduce(evolveDivision, state);

    expect(events).toEqual([
      {
        type: 'DivisionSupervisorRemoved',
        schemaVersion: 1,
        data: { divisionId: f.divisionId, oldSupervisorId: f.supervisorId, reason: 'supervisor_deactivated' },
      },
    ]);
    expect(after.status).toBe('active');
    expect(needsSupervisor(after as ActiveDivision)).toBe(true);
  });

  it('ignores a supervisor an admin already replaced', () => {
    const f = fixture();

    given(f.created({ supervisorId: f.otherSupervisorId }))
      .when((state) =>
        removeUnavailableSupervisorFromDivision({ divisionId: f.divisionId, supervisorId: f.supervisorId, reason: 'supervisor_deactivated' }, state),
      )
      .then([]);
  });

  it('ignores a supervisor removed before', () => {
    const f = fixture();
    const removed: DivisionEvent = {
      type: 'DivisionSupervisorRemoved',
      schemaVersion: 1,
      data: { divisionId: f.divisionId, oldSupervisorId: f.supervisorId, reason: 'supervisor_deactivated' },
    };

    given(f.created(), removed)
      .when((state) =>
        removeUnavailableSupervisorFromDivision({ divisionId: f.divisionId, supervisorId: f.supervisorId, reason: 'supervisor_deleted' }, state),
      )
      .then([]);
  });

  it('ignores a deleted division instead of failing', () => {
    const f = fixture();

    given(f.created(), f.deleted)
      .when((state) =>
        removeUnavailableSupervisorFromDivision({ divisionId: f.divisionId, supervisorId: f.supervisorId, reason: 'supervisor_deactivated' }, state),
      )
      .then([]);
  });
});

describe('removeDisconnectedChannelFromDivision', () => {
  it('removes a disconnected channel from a specific scope', () => {
    const f = fixture();

    given(f.created())
      .when((state) => removeDisconnectedChannelFromDivision({ divisionId: f.divisionId, channelId: f.channelA }, state))
      .then([
        {
          type: 'ChannelRemovedFromDivision',
          schemaVersion: 1,
          data: {
            divisionId: f.divisionId,
            channelId: f.channelA,
            reason: 'channel_disconnected',
            oldChannelScope: { kind: 'specific', channelIds: [f.channelA, f.channelB] },
            newChannelScope: { kind: 'specific', channelIds: [f.channelB] },
          },
        },
      ]);
  });

  it('leaves no channels, not all channels, after the last one', () => {
    const f = fixture();
    const { state } = given(f.created({ channelScope: { kind: 'specific', channelIds: [f.channelA] } }));

    const events = removeDisconnectedChannelFromDivision({ divisionId: f.divisionId, channelId: f.channelA }, state);
    const after = events.reduce(evolveDivision, state);

    expect(events).toEqual([
      {
        type: 'ChannelRemovedFromDivision',
        schemaVersion: 1,
        data: {
          divisionId: f.divisionId,
          channelId: f.channelA,
          reason: 'channel_disconnected',
          oldChannelScope: { kind: 'specific', channelIds: [f.channelA] },
          newChannelScope: { kind: 'specific', channelIds: [] },
        },
      },
    ]);
    expect(after.status).toBe('active');
    expect((after as ActiveDivision).channelScope).toEqual({ kind: 'specific', channelIds: [] });
    expect(hasNoChannels(after as ActiveDivision)).toBe(true);
  });

  it('ignores a division scoped to all channels', () => {
    const f = fixture();

    given(f.created({ channelScope: { kind: 'all' } }))
      .when((state) => removeDisconnectedChannelFromDivision({ divisionId: f.divisionId, channelId: f.channelA }, state))
      .then([]);
  });

  it('ignores a channel outside the scope', () => {
    const f = fixture();

    given(f.created({ channelScope: { kind: 'specific', channelIds: [f.channelB] } }))
      .when((state) => removeDisconnectedChannelFromDivision({ divisionId: f.divisionId, channelId: f.channelA }, state))
      .then([]);
  });

  it('ignores a deleted division instead of failing', () => {
    const f = fixture();

    given(f.created(), f.deleted)
      .when((state) => removeDisconnectedChannelFromDivision({ divisionId: f.divisionId, channelId: f.channelA }, state))
      .then([]);
  });
});
