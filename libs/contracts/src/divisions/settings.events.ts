import type { EventEnvelope, NewEvent } from '../envelope';

/**
 * Event types of the organization settings aggregate (agent allocation, workload and
 * broadcast), published on `divisions.settings.events`. There is one settings stream
 * per organization, keyed by the organization id. Before its first event an
 * organization has `DEFAULT_ORGANIZATION_SETTINGS`.
 */
export const SETTINGS_EVENT_TYPES = [
  'AgentsMayTakeUnassignedChatsChanged',
  'AgentsMayTransferChatsChanged',
  'AutomaticAllocationChanged',
  'CustomAllocationChanged',
  'IdleRuleChanged',
  'OrganizationWorkloadLimitChanged',
  'DivisionWorkloadLimitChanged',
  'AgentWorkloadLimitChanged',
  'BroadcastGrantedToAgent',
  'BroadcastRevokedFromAgent',
  'BroadcastGrantedToDivision',
  'BroadcastRevokedFromDivision',
] as const;

export type SettingsEventType = (typeof SETTINGS_EVENT_TYPES)[number];

export const SETTINGS_EVENT_SCHEMA_VERSION = 1;

export const ALLOCATION_STRATEGIES = ['round_robin', 'least_busy'] as const;

/** `round_robin` gives chats to agents in turn; `least_busy` to the agent holding the fewest chats. */
export type AllocationStrategy = (typeof ALLOCATION_STRATEGIES)[number];

/** Allocation by the routing services themselves. Never enabled together with custom allocation. */
export interface AutomaticAllocation {
  enabled: boolean;
  strategy: AllocationStrategy;
  /** When true, chats go only to agents who are online. */
  onlineAgentsOnly: boolean;
}

/**
 * Allocation by the organization's own webhook. `webhookUrl` is set whenever `enabled`
 * is true. It is an https URL with no user name or password, and its host is not
 * localhost, a one-label name, or a loopback, private, link-local or reserved address.
 */
export interface CustomAllocation {
  enabled: boolean;
  webhookUrl: string | null;
}

/** Rule for a chat whose agent has not replied for `idleMinutes`. */
export interface IdleRule {
  enabled: boolean;
  /** 1 to 1440. */
  idleMinutes: number;
  /** Number of other agents routing tries before it leaves the chat with its agent, 1 to 10. */
  reassignAttempts: number;
}

/** The maximum number of chats an agent may have open at once: an integer from 1 to 100, or `unlimited`. */
export type WorkloadLimit = number | 'unlimited';

export interface OrganizationSettings {
  agentsMayTakeUnassignedChats: boolean;
  agentsMayTransferChats: boolean;
  automaticAllocation: AutomaticAllocation;
  customAllocation: CustomAllocation;
  idleRule: IdleRule;
  workload: WorkloadSettings;
  broadcast: BroadcastSettings;
}

/**
 * Workload limits. The effective limit of an agent is their own limit if set, else the
 * highest limit among the divisions they belong to that have one, else the
 * organization default.
 */
export interface WorkloadSettings {
  organizationLimit: WorkloadLimit;
  divisionLimits: Record<string, WorkloadLimit>;
  agentLimits: Record<string, WorkloadLimit>;
}

/** An agent may use broadcast when granted personally or when one of their divisions is granted. */
export interface BroadcastSettings {
  agentIds: string[];
  divisionIds: string[];
}

export const DEFAULT_ORGANIZATION_SETTINGS: OrganizationSettings = {
  agentsMayTakeUnassignedChats: true,
  agentsMayTransferChats: true,
  automaticAllocation: { enabled: false, strategy: 'round_robin', onlineAgentsOnly: true },
  customAllocation: { enabled: false, webhookUrl: null },
  idleRule: { enabled: false, idleMinutes: 10, reassignAttempts: 3 },
  workload: { organizationLimit: 'unlimited', divisionLimits: {}, agentLimits: {} },
  broadcast: { agentIds: [], divisionIds: [] },
};

export interface AgentsMayTakeUnassignedChatsChangedData {
  oldValue: boolean;
  newValue: boolean;
}

export interface AgentsMayTransferChatsChangedData {
  oldValue: boolean;
  newValue: boolean;
}

export interface AutomaticAllocationChangedData {
  oldValue: AutomaticAllocation;
  newValue: AutomaticAllocation;
}

export interface CustomAllocationChangedData {
  oldValue: CustomAllocation;
  newValue: CustomAllocation;
}

export interface IdleRuleChangedData {
  oldValue: IdleRule;
  newValue: IdleRule;
}

export interface OrganizationWorkloadLimitChangedData {
  oldLimit: WorkloadLimit;
  newLimit: WorkloadLimit;
}

/** A `null` limit means the division has no limit of its own. */
export interface DivisionWorkloadLimitChangedData {
  divisionId: string;
  oldLimit: WorkloadLimit | null;
  newLimit: WorkloadLimit | null;
}

/** A `null` limit means the agent has no limit of their own. */
export interface AgentWorkloadLimitChangedData {
  agentId: string;
  oldLimit: WorkloadLimit | null;
  newLimit: WorkloadLimit | null;
}

/**
 * Broadcast grants and revocations change one entry. The value before is always the
 * opposite one, because granting a granted agent or division emits no event.
 */
export interface BroadcastAgentData {
  agentId: string;
}

export interface BroadcastDivisionData {
  divisionId: string;
}

export interface SettingsEventDataByType {
  AgentsMayTakeUnassignedChatsChanged: AgentsMayTakeUnassignedChatsChangedData;
  AgentsMayTransferChatsChanged: AgentsMayTransferChatsChangedData;
  AutomaticAllocationChanged: AutomaticAllocationChangedData;
  CustomAllocationChanged: CustomAllocationChangedData;
  IdleRuleChanged: IdleRuleChangedData;
  OrganizationWorkloadLimitChanged: OrganizationWorkloadLimitChangedData;
  DivisionWorkloadLimitChanged: DivisionWorkloadLimitChangedData;
  AgentWorkloadLimitChanged: AgentWorkloadLimitChangedData;
  BroadcastGrantedToAgent: BroadcastAgentData;
  BroadcastRevokedFromAgent: BroadcastAgentData;
  BroadcastGrantedToDivision: BroadcastDivisionData;
  BroadcastRevokedFromDivision: BroadcastDivisionData;
}

/** A settings event as the decider returns it. */
export type SettingsEvent = {
  [TType in SettingsEventType]: NewEvent<TType, SettingsEventDataByType[TType]>;
}[SettingsEventType];

/** A settings event as consumers read it from Kafka. */
export type SettingsEventEnvelope = {
  [TType in SettingsEventType]: EventEnvelope<TType, SettingsEventDataByType[TType]>;
}[SettingsEventType];

export function isSettingsEvent(envelope: EventEnvelope): envelope is SettingsEventEnvelope {
  return (SETTINGS_EVENT_TYPES as readonly string[]).includes(envelope.type);
}
