import {
  DEFAULT_ORGANIZATION_SETTINGS,
  type ChannelConnectedData,
  type ChannelSettingsUpdatedData,
  type DivisionEventEnvelope,
  type EventEnvelope,
  type OrganizationSettings,
  type SettingsEventEnvelope,
  type UserRegisteredData,
  type UserRoleChangedData,
  type WorkloadLimit,
} from '@regu/contracts';
import type { ChannelRecord, DivisionRecord, SettingsRecord, UserRecord } from './directory.types';

/** Returns the record after one event, or `null` when the aggregate is deleted or not created yet. */
export type EvolveRecord<T> = (current: T | null, event: EventEnvelope) => T | null;

/**
 * Applies an identity user event. Only role and status matter for routing; the other
 * events (profile, password, login security) leave the record as it is.
 */
export const evolveUser: EvolveRecord<UserRecord> = (current, event) => {
  switch (event.type) {
    case 'UserRegistered':
      return { role: (event.data as UserRegisteredData).role, status: 'active' };
    case 'UserRoleChanged':
      return current && { ...current, role: (event.data as UserRoleChangedData).newRole };
    case 'UserDeactivated':
      return current && { ...current, status: 'deactivated' };
    case 'UserReactivated':
      return current && { ...current, status: 'active' };
    case 'UserDeleted':
      return null;
    default:
      return current;
  }
};

/** Applies a division event; an event before the creation or after the deletion changes nothing. */
export const evolveDivision: EvolveRecord<DivisionRecord> = (current, envelope) => {
  const event = envelope as DivisionEventEnvelope;
  if (event.type === 'DivisionCreated') {
    const { name, supervisorId, agentIds, channelScope } = event.data;
    return current ?? { name, supervisorId, agentIds, channelScope };
  }
  if (current === null) {
    return null;
  }

  switch (event.type) {
    case 'DivisionRenamed':
      return { ...current, name: event.data.newName };
    case 'DivisionSupervisorChanged':
      return { ...current, supervisorId: event.data.newSupervisorId };
    case 'DivisionSupervisorRemoved':
      return { ...current, supervisorId: null };
    case 'DivisionChannelScopeChanged':
    case 'ChannelRemovedFromDivision':
      return { ...current, channelScope: event.data.newChannelScope };
    case 'AgentsAddedToDivision':
    case 'AgentRemovedFromDivision':
      return { ...current, agentIds: event.data.newAgentIds };
    case 'DivisionDeleted':
      return null;
    default:
      return assertNever(event);
  }
};

/** Applies a WhatsApp channel event. */
export const evolveChannel: EvolveRecord<ChannelRecord> = (current, event) => {
  if (event.type === 'ChannelConnected') {
    const { displayName, phoneNumber } = event.data as ChannelConnectedData;
    return { displayName, phoneNumber, status: 'connected' };
  }
  if (current === null) {
    return null;
  }

  switch (event.type) {
    case 'ChannelSettingsUpdated': {
      const { displayName } = event.data as ChannelSettingsUpdatedData;
      return displayName === undefined ? current : { ...current, displayName };
    }
    case 'ChannelMarkedForReconnection':
      return { ...current, status: 'needs_reconnection' };
    case 'ChannelReconnected':
      return { ...current, status: 'connected' };
    case 'ChannelDisconnected':
      return { ...current, status: 'disconnected' };
    default:
      return current;
  }
};

/** Applies an organization settings event; the first one starts from the defaults. */
export const evolveSettings: EvolveRecord<SettingsRecord> = (current, envelope) => {
  const settings = current?.settings ?? DEFAULT_ORGANIZATION_SETTINGS;
  return { settings: applySettingsEvent(settings, envelope as SettingsEventEnvelope) };
};

function applySettingsEvent(settings: OrganizationSettings, event: SettingsEventEnvelope): OrganizationSettings {
  const { workload, broadcast } = settings;

  switch (event.type) {
    case 'AgentsMayTakeUnassignedChatsChanged':
      return { ...settings, agentsMayTakeUnassignedChats: event.data.newValue };
    case 'AgentsMayTransferChatsChanged':
      return { ...settings, agentsMayTransferChats: event.data.newValue };
    case 'AutomaticAllocationChanged':
      return { ...settings, automaticAllocation: event.data.newValue };
    case 'CustomAllocationChanged':
      return { ...settings, customAllocation: event.data.newValue };
    case 'IdleRuleChanged':
      return { ...settings, idleRule: event.data.newValue };
    case 'OrganizationWorkloadLimitChanged':
      return { ...settings, workload: { ...workload, organizationLimit: event.data.newLimit } };
    case 'DivisionWorkloadLimitChanged':
      return { ...settings, workload: { ...workload, divisionLimits: withLimit(workload.divisionLimits, event.data.divisionId, event.data.newLimit) } };
    case 'AgentWorkloadLimitChanged':
      return { ...settings, workload: { ...workload, agentLimits: withLimit(workload.agentLimits, event.data.agentId, event.data.newLimit) } };
    case 'BroadcastGrantedToAgent':
      return { ...settings, broadcast: { ...broadcast, agentIds: withId(broadcast.agentIds, event.data.agentId) } };
    case 'BroadcastRevokedFromAgent':
      return { ...settings, broadcast: { ...broadcast, agentIds: broadcast.agentIds.filter((id) => id !== event.data.agentId) } };
    case 'BroadcastGrantedToDivision':
      return { ...settings, broadcast: { ...broadcast, divisionIds: withId(broadcast.divisionIds, event.data.divisionId) } };
    case 'BroadcastRevokedFromDivision':
      return { ...settings, broadcast: { ...broadcast, divisionIds: broadcast.divisionIds.filter((id) => id !== event.data.divisionId) } };
    default:
      return assertNever(event);
  }
}

/** A `null` limit removes the entry, so its owner falls back to the next level. */
function withLimit(limits: Record<string, WorkloadLimit>, id: string, limit: WorkloadLimit | null): Record<string, WorkloadLimit> {
  const rest = Object.fromEntries(Object.entries(limits).filter(([key]) => key !== id));
  return limit === null ? rest : { ...rest, [id]: limit };
}

function withId(ids: string[], id: string): string[] {
  return ids.includes(id) ? ids : [...ids, id];
}

/**
 * Fails to compile when a contract type has no case. At run time validation has already
 * rejected unknown types, so reaching this line is a bug.
 */
function assertNever(event: never): never {
  throw new Error(`Unhandled event type ${(event as EventEnvelope).type}`);
}
