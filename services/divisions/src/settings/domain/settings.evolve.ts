import { DEFAULT_ORGANIZATION_SETTINGS } from '@regu/contracts';
import type { OrganizationSettings, SettingsEvent, WorkloadLimit } from '@regu/contracts';
import { assertNever } from '../../divisions/domain/division.evolve';

/** `empty` until the organization's first settings event; it then has the defaults. */
export type SettingsState = { status: 'empty' } | { status: 'configured'; settings: OrganizationSettings };

export const initialSettingsState: SettingsState = { status: 'empty' };

export function currentSettings(state: SettingsState): OrganizationSettings {
  return state.status === 'configured' ? state.settings : DEFAULT_ORGANIZATION_SETTINGS;
}

/** Applies one stored event to the state; the first event starts from the defaults. */
export function evolveSettings(state: SettingsState, event: SettingsEvent): SettingsState {
  return { status: 'configured', settings: applyEvent(currentSettings(state), event) };
}

function applyEvent(settings: OrganizationSettings, event: SettingsEvent): OrganizationSettings {
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
    case 'DivisionWorkloadLimitChanged': {
      const divisionLimits = withLimit(workload.divisionLimits, event.data.divisionId, event.data.newLimit);
      return { ...settings, workload: { ...workload, divisionLimits } };
    }
    case 'AgentWorkloadLimitChanged': {
      const agentLimits = withLimit(workload.agentLimits, event.data.agentId, event.data.newLimit);
      return { ...settings, workload: { ...workload, agentLimits } };
    }
    case 'BroadcastGrantedToAgent':
      return { ...settings, broadcast: { ...broadcast, agentIds: withId(broadcast.agentIds, event.data.agentId) } };
    case 'BroadcastRevokedFromAgent':
      return { ...settings, broadcast: { ...broadcast, agentIds: withoutId(broadcast.agentIds, event.data.agentId) } };
    case 'BroadcastGrantedToDivision':
      return { ...settings, broadcast: { ...broadcast, divisionIds: withId(broadcast.divisionIds, event.data.divisionId) } };
    case 'BroadcastRevokedFromDivision':
      return { ...settings, broadcast: { ...broadcast, divisionIds: withoutId(broadcast.divisionIds, event.data.divisionId) } };
    default:
      return assertNever(event);
  }
}

/** Sets or, for a `null` limit, removes the entry, so its owner falls back to the next level. */
function withLimit(limits: Record<string, WorkloadLimit>, id: string, limit: WorkloadLimit | null): Record<string, WorkloadLimit> {
  const { [id]: _removed, ...rest } = limits;
  return limit === null ? rest : { ...rest, [id]: limit };
}

function withId(ids: string[], id: string): string[] {
  return ids.includes(id) ? ids : [...ids, id];
}

function withoutId(ids: string[], id: string): string[] {
  return ids.filter((existing) => existing !== id);
}
