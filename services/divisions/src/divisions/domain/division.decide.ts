import { CHANNEL_SCOPE_KINDS, DIVISION_EVENT_SCHEMA_VERSION } from '@regu/contracts';
import type {
  AgentRemovalReason,
  ChannelScope,
  DivisionEvent,
  DivisionEventDataByType,
  DivisionEventType,
  FieldError,
  SupervisorRemovalReason,
} from '@regu/contracts';
import {
  AgentsNotActive,
  ChannelsNotConnected,
  DivisionAlreadyExists,
  DivisionInputInvalid,
  DivisionNameAlreadyUsed,
  DivisionNotFound,
  LastAgentCannotBeRemoved,
  SupervisorNotActive,
  fieldError,
} from './division.errors';
import type { ActiveDivision, DivisionState } from './division.evolve';

/** Counted in Unicode code points after trimming, so an emoji counts as one character. */
export const MAX_DIVISION_NAME_LENGTH = 100;

/**
 * Results of the application's look-ups in the service's own projections of identity
 * and whatsapp, for the caller's organization only. Each set contains the requested ids
 * that qualify, so an id of another organization is absent.
 */
export interface DirectoryLookup {
  activeSupervisorIds: ReadonlySet<string>;
  activeAgentIds: ReadonlySet<string>;
  connectedChannelIds: ReadonlySet<string>;
}

/**
 * Result of the name look-up: true when another division of the organization that is
 * not deleted has the requested name, compared after trimming and regardless of case.
 * The division being renamed must not count.
 */
export interface NameLookup {
  nameTaken: boolean;
}

export interface CreateDivision {
  divisionId: string;
  name: string;
  supervisorId: string;
  agentIds: string[];
  channelScope: ChannelScope;
}

export interface RenameDivision {
  divisionId: string;
  name: string;
}

export interface ChangeDivisionSupervisor {
  divisionId: string;
  supervisorId: string;
}

export interface ChangeDivisionChannelScope {
  divisionId: string;
  channelScope: ChannelScope;
}

export interface AddAgentsToDivision {
  divisionId: string;
  agentIds: string[];
}

export interface RemoveAgentFromDivision {
  divisionId: string;
  agentId: string;
}

export interface DeleteDivision {
  divisionId: string;
}

/** Issued by the service when identity reports that an agent was deactivated, deleted or given another role. */
export interface RemoveUnavailableAgentFromDivision {
  divisionId: string;
  agentId: string;
  reason: Exclude<AgentRemovalReason, 'removed_by_admin'>;
}

/** Issued by the service when identity reports that a supervisor was deactivated, deleted or given another role. */
export interface RemoveUnavailableSupervisorFromDivision {
  divisionId: string;
  supervisorId: string;
  reason: SupervisorRemovalReason;
}

/** Issued by the service when whatsapp reports that a channel was disconnected. */
export interface RemoveDisconnectedChannelFromDivision {
  divisionId: string;
  channelId: string;
}

/**
 * Creates a division. Checks the shape of every field first and reports all problems
 * at once, then the name's uniqueness, then the supervisor, agents and channels.
 */
export function createDivision(
  command: CreateDivision,
  state: DivisionState,
  context: NameLookup & DirectoryLookup,
): DivisionEvent[] {
  if (state.status !== 'empty') {
    throw new DivisionAlreadyExists(command.divisionId);
  }

  const name = normalizeName(command.name);
  const agentIds = distinct(command.agentIds ?? []);
  throwIfInvalid([
    ...nameErrors(name),
    ...(isBlank(command.supervisorId) ? [fieldError('supervisorId', 'FIELD_REQUIRED')] : []),
    ...(agentIds.length === 0 ? [fieldError('agentIds', 'FIELD_REQUIRED')] : []),
    ...channelScopeErrors(command.channelScope),
  ]);

  if (context.nameTaken) {
    throw new DivisionNameAlreadyUsed(name);
  }

  assertActiveSupervisor(command.supervisorId, context);
  assertActiveAgents(agentIds, context, command.agentIds);
  const channelScope = normalizeChannelScope(command.channelScope);
  assertConnectedChannels(channelScope, context, command.channelScope);

  return [
    event('DivisionCreated', {
      divisionId: command.divisionId,
      name,
      supervisorId: command.supervisorId,
      agentIds,
      channelScope,
    }),
  ];
}

/** Renames a division. The same name, after trimming and with the same case, is a no-op. */
export function renameDivision(command: RenameDivision, state: DivisionState, context: NameLookup): DivisionEvent[] {
  const division = requireActive(state, command.divisionId);

  const name = normalizeName(command.name);
  throwIfInvalid(nameErrors(name));

  if (name === division.name) {
    return [];
  }

  if (context.nameTaken) {
    throw new DivisionNameAlreadyUsed(name);
  }

  return [event('DivisionRenamed', { divisionId: division.divisionId, oldName: division.name, newName: name })];
}

/** Sets the supervisor, also of a division that needs one. The current supervisor is a no-op. */
export function changeDivisionSupervisor(
  command: ChangeDivisionSupervisor,
  state: DivisionState,
  context: Pick<DirectoryLookup, 'activeSupervisorIds'>,
): DivisionEvent[] {
  const division = requireActive(state, command.divisionId);

  if (isBlank(command.supervisorId)) {
    throw new DivisionInputInvalid([fieldError('supervisorId', 'FIELD_REQUIRED')]);
  }

  if (command.supervisorId === division.supervisorId) {
    return [];
  }

  assertActiveSupervisor(command.supervisorId, context);

  return [
    event('DivisionSupervisorChanged', {
      divisionId: division.divisionId,
      oldSupervisorId: division.supervisorId,
      newSupervisorId: command.supervisorId,
    }),
  ];
}

/**
 * Replaces the channel scope. The same kind with the same channels, in any order, is a
 * no-op. A division left with no channels gets them back only this way.
 */
export function changeDivisionChannelScope(
  command: ChangeDivisionChannelScope,
  state: DivisionState,
  context: Pick<DirectoryLookup, 'connectedChannelIds'>,
): DivisionEvent[] {
  const division = requireActive(state, command.divisionId);

  throwIfInvalid(channelScopeErrors(command.channelScope));
  const channelScope = normalizeChannelScope(command.channelScope);

  if (sameChannelScope(channelScope, division.channelScope)) {
    return [];
  }

  assertConnectedChannels(channelScope, context, command.channelScope);

  return [
    event('DivisionChannelScopeChanged', {
      divisionId: division.divisionId,
      oldChannelScope: division.channelScope,
      newChannelScope: channelScope,
    }),
  ];
}

/** Adds agents. Agents who are already members are skipped, and if all are, no event is returned. */
export function addAgentsToDivision(
  command: AddAgentsToDivision,
  state: DivisionState,
  context: Pick<DirectoryLookup, 'activeAgentIds'>,
): DivisionEvent[] {
  const division = requireActive(state, command.divisionId);

  const requested = distinct(command.agentIds ?? []);
  if (requested.length === 0) {
    throw new DivisionInputInvalid([fieldError('agentIds', 'FIELD_REQUIRED')]);
  }

  const addedAgentIds = requested.filter((agentId) => !division.agentIds.includes(agentId));
  if (addedAgentIds.length === 0) {
    return [];
  }

  // Only new members are checked: an agent who is already a member stays until the
  // service's own reaction to identity removes them.
  assertActiveAgents(addedAgentIds, context, command.agentIds);

  return [
    event('AgentsAddedToDivision', {
      divisionId: division.divisionId,
      addedAgentIds,
      oldAgentIds: division.agentIds,
      newAgentIds: [...division.agentIds, ...addedAgentIds],
    }),
  ];
}

/**
 * Removes one agent at an admin's request. Removing an agent who is not a member is a
 * no-op, as deletes are idempotent. Removing the last agent is rejected with 409.
 */
export function removeAgentFromDivision(command: RemoveAgentFromDivision, state: DivisionState): DivisionEvent[] {
  const division = requireActive(state, command.divisionId);

  if (!division.agentIds.includes(command.agentId)) {
    return [];
  }

  if (division.agentIds.length === 1) {
    throw new LastAgentCannotBeRemoved(division.divisionId, command.agentId);
  }

  return [agentRemoved(division, command.agentId, 'removed_by_admin')];
}

/** Deletes a division. Deleting a deleted division is a no-op, and an unknown one is a 404. */
export function deleteDivision(command: DeleteDivision, state: DivisionState): DivisionEvent[] {
  if (state.status === 'deleted') {
    return [];
  }

  const division = requireActive(state, command.divisionId);

  return [event('DivisionDeleted', { divisionId: division.divisionId, name: division.name })];
}

/**
 * Removes an agent who is no longer an active agent, even the last one: the division is
 * then left with no agents. A division that is gone or no longer has the agent is a
 * no-op, because the reaction may arrive after an admin's change.
 */
export function removeUnavailableAgentFromDivision(
  command: RemoveUnavailableAgentFromDivision,
  state: DivisionState,
): DivisionEvent[] {
  if (state.status !== 'active' || !state.agentIds.includes(command.agentId)) {
    return [];
  }

  return [agentRemoved(state, command.agentId, command.reason)];
}

/**
 * Removes a supervisor who is no longer an active supervisor, leaving the division in
 * need of one. A no-op when the division is gone or an admin already chose another.
 */
export function removeUnavailableSupervisorFromDivision(
  command: RemoveUnavailableSupervisorFromDivision,
  state: DivisionState,
): DivisionEvent[] {
  if (state.status !== 'active' || state.supervisorId !== command.supervisorId) {
    return [];
  }

  return [
    event('DivisionSupervisorRemoved', {
      divisionId: state.divisionId,
      oldSupervisorId: command.supervisorId,
      reason: command.reason,
    }),
  ];
}

/**
 * Takes a disconnected channel out of a specific channel scope. Removing the last one
 * leaves a specific scope with no channels, so the division serves none instead of all.
 * A division scoped to all channels, or without this channel, is a no-op.
 */
export function removeDisconnectedChannelFromDivision(
  command: RemoveDisconnectedChannelFromDivision,
  state: DivisionState,
): DivisionEvent[] {
  if (state.status !== 'active' || state.channelScope.kind !== 'specific') {
    return [];
  }

  const oldChannelScope = state.channelScope;
  if (!oldChannelScope.channelIds.includes(command.channelId)) {
    return [];
  }

  const channelIds = oldChannelScope.channelIds.filter((channelId) => channelId !== command.channelId);

  return [
    event('ChannelRemovedFromDivision', {
      divisionId: state.divisionId,
      channelId: command.channelId,
      reason: 'channel_disconnected',
      oldChannelScope,
      newChannelScope: { kind: 'specific', channelIds },
    }),
  ];
}

function event<TType extends DivisionEventType>(type: TType, data: DivisionEventDataByType[TType]): DivisionEvent {
  return { type, schemaVersion: DIVISION_EVENT_SCHEMA_VERSION, data } as DivisionEvent;
}

function agentRemoved(division: ActiveDivision, agentId: string, reason: AgentRemovalReason): DivisionEvent {
  return event('AgentRemovedFromDivision', {
    divisionId: division.divisionId,
    agentId,
    reason,
    oldAgentIds: division.agentIds,
    newAgentIds: division.agentIds.filter((memberId) => memberId !== agentId),
  });
}

function requireActive(state: DivisionState, divisionId: string): ActiveDivision {
  if (state.status !== 'active') {
    throw new DivisionNotFound(divisionId);
  }
  return state;
}

function throwIfInvalid(errors: FieldError[]): void {
  if (errors.length > 0) {
    throw new DivisionInputInvalid(errors);
  }
}

function normalizeName(name: string | undefined): string {
  return typeof name === 'string' ? name.trim() : '';
}

function nameErrors(name: string): FieldError[] {
  if (name === '') {
    return [fieldError('name', 'FIELD_REQUIRED')];
  }
  if ([...name].length > MAX_DIVISION_NAME_LENGTH) {
    return [fieldError('name', 'DIVISION_NAME_TOO_LONG', { maxLength: MAX_DIVISION_NAME_LENGTH })];
  }
  return [];
}

function channelScopeErrors(channelScope: ChannelScope | undefined): FieldError[] {
  if (channelScope === undefined || channelScope === null) {
    return [fieldError('channelScope', 'FIELD_REQUIRED')];
  }
  if (!CHANNEL_SCOPE_KINDS.includes(channelScope.kind)) {
    return [fieldError('channelScope.kind', 'CHANNEL_SCOPE_INVALID', { allowed: CHANNEL_SCOPE_KINDS.join(', ') })];
  }
  if (channelScope.kind === 'specific' && distinct(channelScope.channelIds ?? []).length === 0) {
    return [fieldError('channelScope.channelIds', 'FIELD_REQUIRED')];
  }
  return [];
}

function normalizeChannelScope(channelScope: ChannelScope): ChannelScope {
  return channelScope.kind === 'all' ? { kind: 'all' } : { kind: 'specific', channelIds: distinct(channelScope.channelIds) };
}

function sameChannelScope(left: ChannelScope, right: ChannelScope): boolean {
  if (left.kind === 'all' || right.kind === 'all') {
    return left.kind === right.kind;
  }
  return left.channelIds.length === right.channelIds.length && left.channelIds.every((id) => right.channelIds.includes(id));
}

function assertActiveSupervisor(supervisorId: string, context: Pick<DirectoryLookup, 'activeSupervisorIds'>): void {
  if (!context.activeSupervisorIds.has(supervisorId)) {
    throw new SupervisorNotActive(supervisorId);
  }
}

/**
 * Throws AgentsNotActive naming every agent of `agentIds` missing from the lookup, at
 * its position in `requestedAgentIds` (the list as the caller sent it).
 */
function assertActiveAgents(
  agentIds: string[],
  context: Pick<DirectoryLookup, 'activeAgentIds'>,
  requestedAgentIds: string[] = agentIds,
): void {
  const offending = agentIds
    .filter((agentId) => !context.activeAgentIds.has(agentId))
    .map((agentId) => ({ agentId, field: `agentIds[${requestedAgentIds.indexOf(agentId)}]` }));
  if (offending.length > 0) {
    throw new AgentsNotActive(offending);
  }
}

/** Like assertActiveAgents, for the channels of a specific scope. */
function assertConnectedChannels(
  channelScope: ChannelScope,
  context: Pick<DirectoryLookup, 'connectedChannelIds'>,
  requestedScope: ChannelScope,
): void {
  if (channelScope.kind === 'all' || requestedScope.kind === 'all') {
    return;
  }
  const requestedChannelIds = requestedScope.channelIds;
  const offending = channelScope.channelIds
    .filter((channelId) => !context.connectedChannelIds.has(channelId))
    .map((channelId) => ({ channelId, index: requestedChannelIds.indexOf(channelId) }));
  if (offending.length > 0) {
    throw new ChannelsNotConnected(offending);
  }
}

function isBlank(value: string | undefined): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

/** Drops duplicates and blank ids, keeping the first occurrence's order. */
function distinct(ids: string[]): string[] {
  return [...new Set(ids.filter((id) => !isBlank(id)))];
}
