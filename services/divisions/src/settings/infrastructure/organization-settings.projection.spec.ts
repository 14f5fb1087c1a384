import { DEFAULT_ORGANIZATION_SETTINGS } from '@regu/contracts';
import { envelope } from '../../common/test-support/envelopes';
import { evolveOrganizationSettingsEntry } from './organization-settings.projection';

const at = (streamVersion: number) => ({ organizationId: 'org-1', streamId: 'org-1', streamVersion });
const defaults = DEFAULT_ORGANIZATION_SETTINGS;

describe('evolveOrganizationSettingsEntry', () => {
  it.each([
    ['AgentsMayTakeUnassignedChatsChanged', { oldValue: true, newValue: false }, { ...defaults, agentsMayTakeUnassignedChats: false }],
    ['AgentsMayTransferChatsChanged', { oldValue: true, newValue: false }, { ...defaults, agentsMayTransferChats: false }],
    [
      'AutomaticAllocationChanged',
      { oldValue: defaults.automaticAllocation, newValue: { enabled: true, strategy: 'least_busy', onlineAgentsOnly: false } },
      { ...defaults, automaticAllocation: { enabled: true, strategy: 'least_busy', onlineAgentsOnly: false } },
    ],
    [
      'CustomAllocationChanged',
      { oldValue: defaults.customAllocation, newValue: { enabled: true, webhookUrl: 'https://routing.example.com/allocate' } },
      { ...defaults, customAllocation: { enabled: true, webhookUrl: 'https://routing.example.com/allocate' } },
    ],
    [
      'IdleRuleChanged',
      { oldValue: defaults.idleRule, newValue: { enabled: true, idleMinutes: 15, reassignAttempts: 2 } },
      { ...defaults, idleRule: { enabled: true, idleMinutes: 15, reassignAttempts: 2 } },
    ],
    ['OrganizationWorkloadLimitChanged', { oldLimit: 'unlimited', newLimit: 5 }, { ...defaults, workload: { ...defaults.workload, organizationLimit: 5 } }],
    [
      'DivisionWorkloadLimitChanged',
      { divisionId: 'division-1', oldLimit: null, newLimit: 8 },
      { ...defaults, workload: { ...defaults.workload, divisionLimits: { 'division-1': 8 } } },
    ],
    ['AgentWorkloadLimitChanged', { agentId: 'agent-1', oldLimit: null, newLimit: 3 }, { ...defaults, workload: { ...defaults.workload, agentLimits: { 'agent-1': 3 } } }],
    ['BroadcastGrantedToAgent', { agentId: 'agent-1' }, { ...defaults, broadcast: { agentIds: ['agent-1'], divisionIds: [] } }],
    ['BroadcastGrantedToDivision', { divisionId: 'division-1' }, { ...defaults, broadcast: { agentIds: [], divisionIds: ['division-1'] } }],
  ])('applies %s to the defaults', (type, data, expected) => {
    expect(evolveOrganizationSettingsEntry(null, envelope(type, data, at(1)))).toEqual({ settings: expected });
  });

  it.each([
    ['BroadcastRevokedFromAgent', { agentId: 'agent-1' }],
    ['BroadcastRevokedFromDivision', { divisionId: 'division-1' }],
  ])('applies %s', (type, data) => {
    const granted = { settings: { ...defaults, broadcast: { agentIds: ['agent-1'], divisionIds: ['division-1'] } } };
    const revoked = evolveOrganizationSettingsEntry(granted, envelope(type, data, at(2)));
    expect(revoked.settings.broadcast).toEqual(type === 'BroadcastRevokedFromAgent' ? { agentIds: [], divisionIds: ['division-1'] } : { agentIds: ['agent-1'], divisionIds: [] });
  });
});
