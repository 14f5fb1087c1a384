import type { AutomaticAllocation, ChannelScope, CustomAllocation, IdleRule, OrganizationSettings, Role, WorkloadLimit } from '@regu/contracts';

/** Fields every stream document carries, so a redelivered event is recognised as applied. */
export interface StreamDocumentMetadata {
  /** The stream id. */
  _id: string;
  organizationId: string;
  /** The last event applied. */
  streamVersion: number;
  /** Events applied to this document. Equal to `streamVersion` unless an event was applied twice. */
  appliedCount: number;
  /** A tombstone: the aggregate is deleted but its version still guards against redelivery. */
  deleted?: true;
}

export type UserStatus = 'active' | 'deactivated';

export interface UserRecord {
  role: Role;
  status: UserStatus;
}

export interface DivisionRecord {
  name: string;
  supervisorId: string | null;
  agentIds: string[];
  channelScope: ChannelScope;
}

export type ChannelStatus = 'connected' | 'needs_reconnection' | 'disconnected';

export interface ChannelRecord {
  displayName: string;
  phoneNumber: string;
  status: ChannelStatus;
}

export interface SettingsRecord {
  settings: OrganizationSettings;
}

export type StreamDocument<T> = StreamDocumentMetadata & Partial<T>;

/** Everything the directory of one organization is computed from. */
export interface OrganizationSnapshot {
  organizationId: string;
  /** Users that are not deleted, by user id. */
  users: Map<string, UserRecord>;
  /** Divisions that are not deleted, by division id. */
  divisions: Map<string, DivisionRecord>;
  channels: Map<string, ChannelRecord>;
  /** `DEFAULT_ORGANIZATION_SETTINGS` until the organization's first settings event. */
  settings: OrganizationSettings;
}

/** The allocation settings a router applies to every chat of the organization. */
export interface AllocationSettings {
  agentsMayTakeUnassignedChats: boolean;
  agentsMayTransferChats: boolean;
  automaticAllocation: AutomaticAllocation;
  customAllocation: CustomAllocation;
  idleRule: IdleRule;
}

export interface AgentRoute {
  agentId: string;
  workloadLimit: WorkloadLimit;
  /** The level the limit comes from; `workloadLimitDivisionId` names the division when it is `division`. */
  workloadLimitSource: 'agent' | 'division' | 'organization';
  workloadLimitDivisionId: string | null;
  broadcast: boolean;
}

export interface DivisionRoute {
  divisionId: string;
  name: string;
  channelScope: ChannelScope['kind'];
  supervisorId: string | null;
  /** Active agents only, sorted by id. Empty when the division has none left. */
  agents: AgentRoute[];
}

/**
 * What a router needs to allocate one channel's chats. Arrays are sorted by id, so two
 * directories built from the same events are deep-equal.
 */
export interface ChannelDirectory {
  organizationId: string;
  channel: { channelId: string; displayName: string; phoneNumber: string; status: ChannelStatus };
  allocation: AllocationSettings;
  divisions: DivisionRoute[];
}
