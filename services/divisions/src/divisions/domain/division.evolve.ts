import type { ChannelScope, DivisionEvent } from '@regu/contracts';

export interface ActiveDivision {
  status: 'active';
  divisionId: string;
  name: string;
  /** `null` while the division needs a supervisor because the service removed the last one. */
  supervisorId: string | null;
  /** Empty only after the service removed the last agent, and the division then gets no chats. */
  agentIds: string[];
  channelScope: ChannelScope;
}

export interface DeletedDivision {
  status: 'deleted';
  divisionId: string;
  name: string;
}

export type DivisionState = { status: 'empty' } | ActiveDivision | DeletedDivision;

export const initialDivisionState: DivisionState = { status: 'empty' };

/**
 * Applies one stored event to the state. An event that does not fit the state (a change
 * before the creation, or after the deletion) leaves the state as it is, because stored
 * events are facts and a replay must not fail on them.
 */
export function evolveDivision(state: DivisionState, event: DivisionEvent): DivisionState {
  if (event.type === 'DivisionCreated') {
    if (state.status !== 'empty') {
      return state;
    }
    const { divisionId, name, supervisorId, agentIds, channelScope } = event.data;
    return { status: 'active', divisionId, name, supervisorId, agentIds, channelScope };
  }

  if (state.status !== 'active') {
    return state;
  }

  switch (event.type) {
    case 'DivisionRenamed':
      return { ...state, name: event.data.newName };
    case 'DivisionSupervisorChanged':
      return { ...state, supervisorId: event.data.newSupervisorId };
    case 'DivisionSupervisorRemoved':
      return { ...state, supervisorId: null };
    case 'DivisionChannelScopeChanged':
      return { ...state, channelScope: event.data.newChannelScope };
    case 'ChannelRemovedFromDivision':
      return { ...state, channelScope: event.data.newChannelScope };
    case 'AgentsAddedToDivision':
      return { ...state, agentIds: event.data.newAgentIds };
    case 'AgentRemovedFromDivision':
      return { ...state, agentIds: event.data.newAgentIds };
    case 'DivisionDeleted':
      return { status: 'deleted', divisionId: state.divisionId, name: state.name };
    default:
      return assertNever(event);
  }
}

/** True when the service removed the division's supervisor and no admin has set a new one. */
export function needsSupervisor(division: ActiveDivision): boolean {
  return division.supervisorId === null;
}

/** True when the service removed the division's last agent. */
export function hasNoAgents(division: ActiveDivision): boolean {
  return division.agentIds.length === 0;
}

/** True when every specific channel of the division was disconnected. */
export function hasNoChannels(division: ActiveDivision): boolean {
  return division.channelScope.kind === 'specific' && division.channelScope.channelIds.length === 0;
}

/** Fails to compile when a switch misses a case, and fails at run time on an unknown value. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
