import type { EventEnvelope, NewEvent } from '../envelope';

/**
 * Event types of the division aggregate, published on `divisions.division.events`
 * with the division id as the message key, so one division's events arrive in order.
 * The envelope's `actor` and `occurredAt` record who made a change and when. An actor
 * with role `system` is the divisions service reacting to identity or whatsapp.
 */
export const DIVISION_EVENT_TYPES = [
  'DivisionCreated',
  'DivisionRenamed',
  'DivisionSupervisorChanged',
  'DivisionSupervisorRemoved',
  'DivisionChannelScopeChanged',
  'ChannelRemovedFromDivision',
  'AgentsAddedToDivision',
  'AgentRemovedFromDivision',
  'DivisionDeleted',
] as const;

export type DivisionEventType = (typeof DIVISION_EVENT_TYPES)[number];

export const DIVISION_EVENT_SCHEMA_VERSION = 1;

/**
 * The channels whose chats a division serves. A `specific` scope with no channel ids
 * exists only after the service removed the last disconnected channel: the division
 * then serves no channel at all, never every channel.
 */
export type ChannelScope = { kind: 'all' } | { kind: 'specific'; channelIds: string[] };

export type ChannelScopeKind = ChannelScope['kind'];

export const CHANNEL_SCOPE_KINDS: readonly ChannelScopeKind[] = ['all', 'specific'];

/** Reason an agent left a division: an admin's removal, or the service reacting to identity. */
export type AgentRemovalReason = 'removed_by_admin' | 'agent_deactivated' | 'agent_deleted' | 'agent_role_changed';

/** Reason the service took a supervisor off a division after an identity event. */
export type SupervisorRemovalReason = 'supervisor_deactivated' | 'supervisor_deleted' | 'supervisor_role_changed';

/** Reason the service took a channel out of a division's scope after a whatsapp event. */
export type ChannelRemovalReason = 'channel_disconnected';

export interface DivisionCreatedData {
  divisionId: string;
  /** Trimmed name, unique regardless of case among the organization's divisions that are not deleted. */
  name: string;
  supervisorId: string;
  /** At least one, without duplicates. */
  agentIds: string[];
  channelScope: ChannelScope;
}

export interface DivisionRenamedData {
  divisionId: string;
  oldName: string;
  newName: string;
}

export interface DivisionSupervisorChangedData {
  divisionId: string;
  /** `null` when the division was waiting for a supervisor after the last one was removed. */
  oldSupervisorId: string | null;
  newSupervisorId: string;
}

/** The division keeps serving chats but needs a supervisor until an admin sets one. */
export interface DivisionSupervisorRemovedData {
  divisionId: string;
  oldSupervisorId: string;
  reason: SupervisorRemovalReason;
}

export interface DivisionChannelScopeChangedData {
  divisionId: string;
  oldChannelScope: ChannelScope;
  newChannelScope: ChannelScope;
}

/** `newChannelScope` with no channel ids means the division now serves no channel. */
export interface ChannelRemovedFromDivisionData {
  divisionId: string;
  channelId: string;
  reason: ChannelRemovalReason;
  oldChannelScope: ChannelScope;
  newChannelScope: ChannelScope;
}

export interface AgentsAddedToDivisionData {
  divisionId: string;
  /** Only the agents that were not members yet. */
  addedAgentIds: string[];
  oldAgentIds: string[];
  newAgentIds: string[];
}

/**
 * An empty `newAgentIds` means the division has no agents and gets no chats until an
 * admin adds one. Only the service does that (reasons other than `removed_by_admin`).
 */
export interface AgentRemovedFromDivisionData {
  divisionId: string;
  agentId: string;
  reason: AgentRemovalReason;
  oldAgentIds: string[];
  newAgentIds: string[];
}

/** The name is free again once a division is deleted. */
export interface DivisionDeletedData {
  divisionId: string;
  name: string;
}

export interface DivisionEventDataByType {
  DivisionCreated: DivisionCreatedData;
  DivisionRenamed: DivisionRenamedData;
  DivisionSupervisorChanged: DivisionSupervisorChangedData;
  DivisionSupervisorRemoved: DivisionSupervisorRemovedData;
  DivisionChannelScopeChanged: DivisionChannelScopeChangedData;
  ChannelRemovedFromDivision: ChannelRemovedFromDivisionData;
  AgentsAddedToDivision: AgentsAddedToDivisionData;
  AgentRemovedFromDivision: AgentRemovedFromDivisionData;
  DivisionDeleted: DivisionDeletedData;
}

/** A division event as the decider returns it. */
export type DivisionEvent = {
  [TType in DivisionEventType]: NewEvent<TType, DivisionEventDataByType[TType]>;
}[DivisionEventType];

/** A division event as consumers read it from Kafka. */
export type DivisionEventEnvelope = {
  [TType in DivisionEventType]: EventEnvelope<TType, DivisionEventDataByType[TType]>;
}[DivisionEventType];

export function isDivisionEvent(envelope: EventEnvelope): envelope is DivisionEventEnvelope {
  return (DIVISION_EVENT_TYPES as readonly string[]).includes(envelope.type);
}
