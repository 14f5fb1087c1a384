import type { AutomaticAllocation, CustomAllocation, IdleRule, OrganizationSettings, WorkloadLimit } from '@regu/contracts';

/** The allocation settings: the rules by which chats reach agents. */
export interface AllocationSettingsView {
  agentsMayTakeUnassignedChats: boolean;
  agentsMayTransferChats: boolean;
  automaticAllocation: AutomaticAllocation;
  customAllocation: CustomAllocation;
  idleRule: IdleRule;
  /** The settings stream version, shared by allocation, workload and broadcast: one ETag per organization. */
  version: number;
}

export interface WorkloadSettingsView {
  organizationLimit: WorkloadLimit;
  divisionLimits: Array<{ divisionId: string; limit: WorkloadLimit }>;
  agentLimits: Array<{ agentId: string; limit: WorkloadLimit }>;
  version: number;
}

export interface BroadcastSettingsView {
  agentIds: string[];
  divisionIds: string[];
  version: number;
}

export interface SettingsView {
  allocation: AllocationSettingsView;
  workload: WorkloadSettingsView;
  broadcast: BroadcastSettingsView;
}

export function allocationView(settings: OrganizationSettings, version: number): AllocationSettingsView {
  const { agentsMayTakeUnassignedChats, agentsMayTransferChats, automaticAllocation, customAllocation, idleRule } = settings;
  return { agentsMayTakeUnassignedChats, agentsMayTransferChats, automaticAllocation, customAllocation, idleRule, version };
}

export function workloadView(settings: OrganizationSettings, version: number): WorkloadSettingsView {
  const { organizationLimit, divisionLimits, agentLimits } = settings.workload;
  return {
    organizationLimit,
    divisionLimits: Object.entries(divisionLimits).map(([divisionId, limit]) => ({ divisionId, limit })),
    agentLimits: Object.entries(agentLimits).map(([agentId, limit]) => ({ agentId, limit })),
    version,
  };
}

export function broadcastView(settings: OrganizationSettings, version: number): BroadcastSettingsView {
  return { agentIds: settings.broadcast.agentIds, divisionIds: settings.broadcast.divisionIds, version };
}

export function settingsView(settings: OrganizationSettings, version: number): SettingsView {
  return { allocation: allocationView(settings, version), workload: workloadView(settings, version), broadcast: broadcastView(settings, version) };
}
