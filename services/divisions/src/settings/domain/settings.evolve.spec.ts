import { randomUUID } from 'node:crypto';
import { DEFAULT_ORGANIZATION_SETTINGS } from '@regu/contracts';
import type { OrganizationSettings, SettingsEvent } from '@regu/contracts';
import { currentSettings, evolveSettings, initialSettingsState } from './settings.evolve';

function replay(...events: SettingsEvent[]): OrganizationSettings {
  return currentSettings(events.reduce(evolveSettings, initialSettingsState));
}

describe('evolveSettings', () => {
  it('starts with the defaults', () => {
    expect(initialSettingsState).toEqual({ status: 'empty' });
    expect(replay()).toEqual(DEFAULT_ORGANIZATION_SETTINGS);
  });

  it('is configured after the first event', () => {
    const event: SettingsEvent = { type: 'AgentsMayTransferChatsChanged', schemaVersion: 1, data: { oldValue: true, newValue: false } };

    expect(evolveSettings(initialSettingsState, event).status).toBe('configured');
  });

  it('applies AgentsMayTakeUnassignedChatsChanged', () => {
    const settings = replay({ type: 'AgentsMayTakeUnassignedChatsChanged', schemaVersion: 1, data: { oldValue: true, newValue: false } });

    expect(settings).toEqual({ ...DEFAULT_ORGANIZATION_SETTINGS, agentsMayTakeUnassignedChats: false });
  });

  it('applies AgentsMayTransferChatsChanged', () => {
    const settings = replay({ type: 'AgentsMayTransferChatsChanged', schemaVersion: 1, data: { oldValue: true, newValue: false } });

    expect(settings).toEqual({ ...DEFAULT_ORGANIZATION_SETTINGS, agentsMayTransferChats: false });
  });

  it('applies AutomaticAllocationChanged', () => {
    const newValue = { enabled: true, strategy: 'least_busy' as const, onlineAgentsOnly: false };
    const settings = replay({
      type: 'AutomaticAllocationChanged',
      schemaVersion: 1,
      data: { oldValue: DEFAULT_ORGANIZATION_SETTINGS.automaticAllocation, newValue },
    });

    expect(settings).toEqual({ ...DEFAULT_ORGANIZATION_SETTINGS, automaticAllocation: newValue });
  });

  it('applies CustomAllocationChanged', () => {
    const newValue = { enabled: true, webhookUrl: 'https://hooks.example.com/' };
    const settings = replay({
      type: 'CustomAllocationChanged',
      schemaVersion: 1,
      data: { oldValue: DEFAULT_ORGANIZATION_SETTINGS.customAllocation, newValue },
    });

    expect(settings).toEqual({ ...DEFAULT_ORGANIZATION_SETTINGS, customAllocation: newValue });
  });

  it('applies IdleRuleChanged', () => {
    const newValue = { enabled: true, idleMinutes: 30, reassignAttempts: 2 };
    const settings = replay({ type: 'IdleRuleChanged', schemaVersion: 1, data: { oldValue: DEFAULT_ORGANIZATION_SETTINGS.idleRule, newValue } });

    expect(settings).toEqual({ ...DEFAULT_ORGANIZATION_SETTINGS, idleRule: newValue });
  });

  it('applies OrganizationWorkloadLimitChanged', () => {
    const settings = replay({ type: 'OrganizationWorkloadLimitChanged', schemaVersion: 1, data: { oldLimit: 'unlimited', newLimit: 12 } });

    expect(settings.workload).toEqual({ organizationLimit: 12, divisionLimits: {}, agentLimits: {} });
  });

  it('applies DivisionWorkloadLimitChanged, setting then removing', () => {
    const divisionId = randomUUID();
    const set: SettingsEvent = { type: 'DivisionWorkloadLimitChanged', schemaVersion: 1, data: { divisionId, oldLimit: null, newLimit: 7 } };
    const removed: SettingsEvent = { type: 'DivisionWorkloadLimitChanged', schemaVersion: 1, data: { divisionId, oldLimit: 7, newLimit: null } };

    expect(replay(set).workload.divisionLimits).toEqual({ [divisionId]: 7 });
    expect(replay(set, removed).workload.divisionLimits).toEqual({});
  });

  it('applies AgentWorkloadLimitChanged, setting then removing', () => {
    const agentId = `agent-${randomUUID()}`;
    const set: SettingsEvent = { type: 'AgentWorkloadLimitChanged', schemaVersion: 1, data: { agentId, oldLimit: null, newLimit: 'unlimited' } };
    const removed: SettingsEvent = { type: 'AgentWorkloadLimitChanged', schemaVersion: 1, data: { agentId, oldLimit: 'unlimited', newLimit: null } };

    expect(replay(set).workload.agentLimits).toEqual({ [agentId]: 'unlimited' });
    expect(replay(set, removed).workload.agentLimits).toEqual({});
  });

  it('applies BroadcastGrantedToAgent and BroadcastRevokedFromAgent', () => {
    const agentId = `agent-${randomUUID()}`;
    const granted: SettingsEvent = { type: 'BroadcastGrantedToAgent', schemaVersion: 1, data: { agentId } };
    const revoked: SettingsEvent = { type: 'BroadcastRevokedFromAgent', schemaVersion: 1, data: { agentId } };

    expect(replay(granted).broadcast).toEqual({ agentIds: [agentId], divisionIds: [] });
    expect(replay(granted, granted).broadcast.agentIds).toEqual([agentId]);
    expect(replay(granted, revoked).broadcast).toEqual({ agentIds: [], divisionIds: [] });
  });

  it('applies BroadcastGrantedToDivision and BroadcastRevokedFromDivision', () => {
    const divisionId = randomUUID();
    const granted: SettingsEvent = { type: 'BroadcastGrantedToDivision', schemaVersion: 1, data: { divisionId } };
    const revoked: SettingsEvent = { type: 'BroadcastRevokedFromDivision', schemaVersion: 1, data: { divisionId } };

    expect(replay(granted).broadcast).toEqual({ agentIds: [], divisionIds: [divisionId] });
    expect(replay(granted, granted).broadcast.divisionIds).toEqual([divisionId]);
    expect(replay(granted, revoked).broadcast).toEqual({ agentIds: [], divisionIds: [] });
  });

  it('leaves the defaults unchanged', () => {
    const before = JSON.stringify(DEFAULT_ORGANIZATION_SETTINGS);

    replay(
      { type: 'DivisionWorkloadLimitChanged', schemaVersion: 1, data: { divisionId: randomUUID(), oldLimit: null, newLimit: 7 } },
      { type: 'BroadcastGrantedToAgent', schemaVersion: 1, data: { agentId: randomUUID() } },
    );

    expect(JSON.stringify(DEFAULT_ORGANIZATION_SETTINGS)).toBe(before);
  });

  it('throws on an unknown event type', () => {
    const unknown = { type: 'SettingsArchived', schemaVersion: 1, data: {} } as unknown as SettingsEvent;

    expect(() => replay(unknown)).toThrow('Unexpected value');
  });
});
