import { randomUUID } from 'node:crypto';
import type { AllocationStrategy, SettingsEvent } from '@regu/contracts';
import {
  clearAgentSettings,
  clearDivisionSettings,
  configureAutomaticAllocation,
  configureCustomAllocation,
  configureIdleRule,
  grantBroadcastToAgent,
  grantBroadcastToDivision,
  revokeBroadcastFromAgent,
  revokeBroadcastFromDivision,
  setAgentWorkloadLimit,
  setAgentsMayTakeUnassignedChats,
  setAgentsMayTransferChats,
  setDivisionWorkloadLimit,
  setOrganizationWorkloadLimit,
} from './settings.decide';
import { AgentsNotActive, AllocationModeConflict, DivisionNotFound, SettingsInputInvalid, WebhookUrlNotAllowed } from './settings.errors';
import { evolveSettings, initialSettingsState } from './settings.evolve';
import type { SettingsState } from './settings.evolve';

type Decision = (state: SettingsState) => SettingsEvent[];

function given(...events: SettingsEvent[]) {
  const state = events.reduce(evolveSettings, initialSettingsState);
  return {
    when(decide: Decision) {
      return {
        then(expected: SettingsEvent[]): void {
          expect(decide(state)).toEqual(expected);
        },
        thenThrows(errorType: new (...args: never[]) => Error, expected: Record<string, unknown>): void {
          let caught: unknown;
          try {
            decide(state);
          } catch (error) {
            caught = error;
          }
          expect(caught).toBeInstanceOf(errorType);
          expect(caught).toMatchObject(expected);
        },
      };
    },
  };
}

const automaticOn: SettingsEvent = {
  type: 'AutomaticAllocationChanged',
  schemaVersion: 1,
  data: {
    oldValue: { enabled: false, strategy: 'round_robin', onlineAgentsOnly: true },
    newValue: { enabled: true, strategy: 'round_robin', onlineAgentsOnly: true },
  },
};

const customOn: SettingsEvent = {
  type: 'CustomAllocationChanged',
  schemaVersion: 1,
  data: { oldValue: { enabled: false, webhookUrl: null }, newValue: { enabled: true, webhookUrl: 'https://hooks.example.com/allocate' } },
};

describe('setAgentsMayTakeUnassignedChats', () => {
  it('changes the permission with old and new values', () => {
    given()
      .when((state) => setAgentsMayTakeUnassignedChats({ allowed: false }, state))
      .then([{ type: 'AgentsMayTakeUnassignedChatsChanged', schemaVersion: 1, data: { oldValue: true, newValue: false } }]);
  });

  it('rejects a missing value', () => {
    given()
      .when((state) => setAgentsMayTakeUnassignedChats({} as { allowed: boolean }, state))
      .thenThrows(SettingsInputInvalid, { status: 400, errors: [expect.objectContaining({ field: 'allowed', code: 'FIELD_REQUIRED' })] });
  });

  it('ignores the current value', () => {
    given()
      .when((state) => setAgentsMayTakeUnassignedChats({ allowed: true }, state))
      .then([]);
  });
});

describe('setAgentsMayTransferChats', () => {
  it('changes the permission with old and new values', () => {
    given()
      .when((state) => setAgentsMayTransferChats({ allowed: false }, state))
      .then([{ type: 'AgentsMayTransferChatsChanged', schemaVersion: 1, data: { oldValue: true, newValue: false } }]);
  });

  it('rejects a missing value', () => {
    given()
      .when((state) => setAgentsMayTransferChats({} as { allowed: boolean }, state))
      .thenThrows(SettingsInputInvalid, { errors: [expect.objectContaining({ field: 'allowed', code: 'FIELD_REQUIRED' })] });
  });

  it('ignores the current value', () => {
    const forbidden: SettingsEvent = { type: 'AgentsMayTransferChatsChanged', schemaVersion: 1, data: { oldValue: true, newValue: false } };

    given(forbidden)
      .when((state) => setAgentsMayTransferChats({ allowed: false }, state))
      .then([]);
  });
});

describe('configureAutomaticAllocation', () => {
  it('turns automatic allocation on', () => {
    given()
      .when((state) => configureAutomaticAllocation({ enabled: true, strategy: 'least_busy', onlineAgentsOnly: false }, state))
      .then([
        {
          type: 'AutomaticAllocationChanged',
          schemaVersion: 1,
          data: {
            oldValue: { enabled: false, strategy: 'round_robin', onlineAgentsOnly: true },
            newValue: { enabled: true, strategy: 'least_busy', onlineAgentsOnly: false },
          },
        },
      ]);
  });

  it('changes the strategy while custom allocation is on, if automatic stays off', () => {
    given(customOn)
      .when((state) => configureAutomaticAllocation({ enabled: false, strategy: 'least_busy', onlineAgentsOnly: true }, state))
      .then([
        {
          type: 'AutomaticAllocationChanged',
          schemaVersion: 1,
          data: {
            oldValue: { enabled: false, strategy: 'round_robin', onlineAgentsOnly: true },
            newValue: { enabled: false, strategy: 'least_busy', onlineAgentsOnly: true },
          },
        },
      ]);
  });

  it('rejects turning it on while custom allocation is on', () => {
    given(customOn)
      .when((state) => configureAutomaticAllocation({ enabled: true, strategy: 'round_robin', onlineAgentsOnly: true }, state))
      .thenThrows(AllocationModeConflict, { code: 'ALLOCATION_MODE_CONFLICT', status: 409 });
  });

  it('rejects an unknown strategy', () => {
    given()
      .when((state) =>
        configureAutomaticAllocation({ enabled: true, strategy: 'random' as AllocationStrategy, onlineAgentsOnly: true }, state),
      )
      .thenThrows(SettingsInputInvalid, {
        errors: [
          {
            field: 'strategy',
            code: 'ALLOCATION_STRATEGY_INVALID',
            message: 'The allocation strategy must be one of: round_robin, least_busy.',
          },
        ],
      });
  });

  it('ignores the current configuration', () => {
    given(automaticOn)
      .when((state) => configureAutomaticAllocation({ enabled: true, strategy: 'round_robin', onlineAgentsOnly: true }, state))
      .then([]);
  });
});

describe('configureCustomAllocation', () => {
  it('turns custom allocation on with a public https webhook', () => {
    given()
      .when((state) => configureCustomAllocation({ enabled: true, webhookUrl: ' https://Hooks.Example.com/allocate ' }, state))
      .then([customOn]);
  });

  it('stores a checked URL while custom allocation stays off', () => {
    given()
      .when((state) => configureCustomAllocation({ enabled: false, webhookUrl: 'https://hooks.example.com/allocate' }, state))
      .then([
        {
          type: 'CustomAllocationChanged',
          schemaVersion: 1,
          data: { oldValue: { enabled: false, webhookUrl: null }, newValue: { enabled: false, webhookUrl: 'https://hooks.example.com/allocate' } },
        },
      ]);
  });

  it('turns custom allocation off', () => {
    given(customOn)
      .when((state) => configureCustomAllocation({ enabled: false, webhookUrl: 'https://hooks.example.com/allocate' }, state))
      .then([
        {
          type: 'CustomAllocationChanged',
          schemaVersion: 1,
          data: {
            oldValue: { enabled: true, webhookUrl: 'https://hooks.example.com/allocate' },
            newValue: { enabled: false, webhookUrl: 'https://hooks.example.com/allocate' },
          },
        },
      ]);
  });

  it('rejects turning it on while automatic allocation is on', () => {
    given(automaticOn)
      .when((state) => configureCustomAllocation({ enabled: true, webhookUrl: 'https://hooks.example.com/allocate' }, state))
      .thenThrows(AllocationModeConflict, { code: 'ALLOCATION_MODE_CONFLICT', status: 409 });
  });

  it('rejects turning it on without a webhook URL', () => {
    given()
      .when((state) => configureCustomAllocation({ enabled: true, webhookUrl: null }, state))
      .thenThrows(SettingsInputInvalid, { errors: [expect.objectContaining({ field: 'webhookUrl', code: 'FIELD_REQUIRED' })] });
  });

  it('rejects an http webhook', () => {
    given()
      .when((state) => configureCustomAllocation({ enabled: true, webhookUrl: 'http://hooks.example.com/allocate' }, state))
      .thenThrows(WebhookUrlNotAllowed, {
        code: 'WEBHOOK_URL_NOT_HTTPS',
        status: 400,
        errors: [expect.objectContaining({ field: 'webhookUrl', code: 'WEBHOOK_URL_NOT_HTTPS' })],
      });
  });

  it('rejects a webhook on a private address, naming the host', () => {
    given()
      .when((state) => configureCustomAllocation({ enabled: true, webhookUrl: 'https://192.168.1.20/allocate' }, state))
      .thenThrows(WebhookUrlNotAllowed, { code: 'WEBHOOK_URL_NOT_PUBLIC', params: { host: '192.168.1.20' } });
  });

  it('rejects a webhook with a password', () => {
    given()
      .when((state) => configureCustomAllocation({ enabled: true, webhookUrl: 'https://user:secret@hooks.example.com/' }, state))
      .thenThrows(WebhookUrlNotAllowed, { code: 'WEBHOOK_URL_HAS_CREDENTIALS', params: {} });
  });

  it('ignores the current configuration, compared after normalizing the URL', () => {
    given(customOn)
      .when((state) => configureCustomAllocation({ enabled: true, webhookUrl: 'HTTPS://hooks.example.com:443/allocate' }, state))
      .then([]);
  });
});

describe('configureIdleRule', () => {
  it('turns the idle rule on with its limits', () => {
    given()
      .when((state) => configureIdleRule({ enabled: true, idleMinutes: 1440, reassignAttempts: 10 }, state))
      .then([
        {
          type: 'IdleRuleChanged',
          schemaVersion: 1,
          data: {
            oldValue: { enabled: false, idleMinutes: 10, reassignAttempts: 3 },
            newValue: { enabled: true, idleMinutes: 1440, reassignAttempts: 10 },
          },
        },
      ]);
  });

  it('accepts the lowest limits', () => {
    given()
      .when((state) => configureIdleRule({ enabled: true, idleMinutes: 1, reassignAttempts: 1 }, state))
      .then([
        {
          type: 'IdleRuleChanged',
          schemaVersion: 1,
          data: {
            oldValue: { enabled: false, idleMinutes: 10, reassignAttempts: 3 },
            newValue: { enabled: true, idleMinutes: 1, reassignAttempts: 1 },
          },
        },
      ]);
  });

  it.each([0, 1441, 2.5, Number.NaN])('rejects %p idle minutes', (idleMinutes) => {
    given()
      .when((state) => configureIdleRule({ enabled: true, idleMinutes, reassignAttempts: 3 }, state))
      .thenThrows(SettingsInputInvalid, {
        errors: [
          {
            field: 'idleMinutes',
            code: 'IDLE_MINUTES_OUT_OF_RANGE',
            message: 'Idle minutes must be a whole number from 1 to 1440.',
          },
        ],
      });
  });

  it.each([0, 11, -1])('rejects %p reassign attempts', (reassignAttempts) => {
    given()
      .when((state) => configureIdleRule({ enabled: true, idleMinutes: 10, reassignAttempts }, state))
      .thenThrows(SettingsInputInvalid, {
        errors: [expect.objectContaining({ field: 'reassignAttempts', code: 'REASSIGN_ATTEMPTS_OUT_OF_RANGE' })],
      });
  });

  it('checks the ranges while the rule is off', () => {
    given()
      .when((state) => configureIdleRule({ enabled: false, idleMinutes: 0, reassignAttempts: 0 }, state))
      .thenThrows(SettingsInputInvalid, {
        errors: [expect.objectContaining({ field: 'idleMinutes' }), expect.objectContaining({ field: 'reassignAttempts' })],
      });
  });

  it('ignores the current rule', () => {
    given()
      .when((state) => configureIdleRule({ enabled: false, idleMinutes: 10, reassignAttempts: 3 }, state))
      .then([]);
  });
});

describe('setOrganizationWorkloadLimit', () => {
  it('sets a number with old and new limits', () => {
    given()
      .when((state) => setOrganizationWorkloadLimit({ limit: 100 }, state))
      .then([{ type: 'OrganizationWorkloadLimitChanged', schemaVersion: 1, data: { oldLimit: 'unlimited', newLimit: 100 } }]);
  });

  it('sets unlimited explicitly', () => {
    const five: SettingsEvent = { type: 'OrganizationWorkloadLimitChanged', schemaVersion: 1, data: { oldLimit: 'unlimited', newLimit: 5 } };

    given(five)
      .when((state) => setOrganizationWorkloadLimit({ limit: 'unlimited' }, state))
      .then([{ type: 'OrganizationWorkloadLimitChanged', schemaVersion: 1, data: { oldLimit: 5, newLimit: 'unlimited' } }]);
  });

  it.each([0, 101, 1.5])('rejects %p chats', (limit) => {
    given()
      .when((state) => setOrganizationWorkloadLimit({ limit }, state))
      .thenThrows(SettingsInputInvalid, {
        errors: [
          {
            field: 'limit',
            code: 'WORKLOAD_LIMIT_OUT_OF_RANGE',
            message: 'The workload limit must be a whole number from 1 to 100, or "unlimited".',
          },
        ],
      });
  });

  it('ignores the current limit', () => {
    given()
      .when((state) => setOrganizationWorkloadLimit({ limit: 'unlimited' }, state))
      .then([]);
  });
});

describe('setDivisionWorkloadLimit', () => {
  it('sets a division limit', () => {
    const divisionId = randomUUID();

    given()
      .when((state) => setDivisionWorkloadLimit({ divisionId, limit: 8 }, state, { divisionExists: true }))
      .then([{ type: 'DivisionWorkloadLimitChanged', schemaVersion: 1, data: { divisionId, oldLimit: null, newLimit: 8 } }]);
  });

  it('removes a division limit, even of a deleted division', () => {
    const divisionId = randomUUID();
    const set: SettingsEvent = { type: 'DivisionWorkloadLimitChanged', schemaVersion: 1, data: { divisionId, oldLimit: null, newLimit: 8 } };

    given(set)
      .when((state) => setDivisionWorkloadLimit({ divisionId, limit: null }, state, { divisionExists: false }))
      .then([{ type: 'DivisionWorkloadLimitChanged', schemaVersion: 1, data: { divisionId, oldLimit: 8, newLimit: null } }]);
  });

  it('rejects an unknown division', () => {
    const divisionId = randomUUID();

    given()
      .when((state) => setDivisionWorkloadLimit({ divisionId, limit: 8 }, state, { divisionExists: false }))
      .thenThrows(DivisionNotFound, { code: 'DIVISION_NOT_FOUND', status: 404, params: { divisionId } });
  });

  it('rejects a limit out of range', () => {
    given()
      .when((state) => setDivisionWorkloadLimit({ divisionId: randomUUID(), limit: 101 }, state, { divisionExists: true }))
      .thenThrows(SettingsInputInvalid, { errors: [expect.objectContaining({ field: 'limit', code: 'WORKLOAD_LIMIT_OUT_OF_RANGE' })] });
  });

  it('ignores the current limit', () => {
    const divisionId = randomUUID();
    const set: SettingsEvent = { type: 'DivisionWorkloadLimitChanged', schemaVersion: 1, data: { divisionId, oldLimit: null, newLimit: 'unlimited' } };

    given(set)
      .when((state) => setDivisionWorkloadLimit({ divisionId, limit: 'unlimited' }, state, { divisionExists: true }))
      .then([]);
  });

  it('ignores removing a limit that is not set', () => {
    given()
      .when((state) => setDivisionWorkloadLimit({ divisionId: randomUUID(), limit: null }, state, { divisionExists: true }))
      .then([]);
  });
});

describe('setAgentWorkloadLimit', () => {
  it('sets an agent limit', () => {
    const agentId = `agent-${randomUUID()}`;

    given()
      .when((state) => setAgentWorkloadLimit({ agentId, limit: 1 }, state, { agentActive: true }))
      .then([{ type: 'AgentWorkloadLimitChanged', schemaVersion: 1, data: { agentId, oldLimit: null, newLimit: 1 } }]);
  });

  it('removes an agent limit', () => {
    const agentId = `agent-${randomUUID()}`;
    const set: SettingsEvent = { type: 'AgentWorkloadLimitChanged', schemaVersion: 1, data: { agentId, oldLimit: null, newLimit: 3 } };

    given(set)
      .when((state) => setAgentWorkloadLimit({ agentId, limit: null }, state, { agentActive: false }))
      .then([{ type: 'AgentWorkloadLimitChanged', schemaVersion: 1, data: { agentId, oldLimit: 3, newLimit: null } }]);
  });

  it('rejects an agent who is not active', () => {
    const agentId = `agent-${randomUUID()}`;

    given()
      .when((state) => setAgentWorkloadLimit({ agentId, limit: 3 }, state, { agentActive: false }))
      .thenThrows(AgentsNotActive, {
        code: 'AGENTS_NOT_ACTIVE',
        status: 400,
        params: { agentIds: agentId },
        errors: [expect.objectContaining({ field: 'agentId' })],
      });
  });

  it('rejects a limit out of range', () => {
    given()
      .when((state) => setAgentWorkloadLimit({ agentId: randomUUID(), limit: 0 }, state, { agentActive: true }))
      .thenThrows(SettingsInputInvalid, { errors: [expect.objectContaining({ code: 'WORKLOAD_LIMIT_OUT_OF_RANGE' })] });
  });

  it('ignores the current limit', () => {
    const agentId = `agent-${randomUUID()}`;
    const set: SettingsEvent = { type: 'AgentWorkloadLimitChanged', schemaVersion: 1, data: { agentId, oldLimit: null, newLimit: 3 } };

    given(set)
      .when((state) => setAgentWorkloadLimit({ agentId, limit: 3 }, state, { agentActive: true }))
      .then([]);
  });
});

describe('grantBroadcastToAgent', () => {
  it('grants broadcast to an active agent', () => {
    const agentId = `agent-${randomUUID()}`;

    given()
      .when((state) => grantBroadcastToAgent({ agentId }, state, { agentActive: true }))
      .then([{ type: 'BroadcastGrantedToAgent', schemaVersion: 1, data: { agentId } }]);
  });

  it('rejects an agent who is not active', () => {
    const agentId = `agent-${randomUUID()}`;

    given()
      .when((state) => grantBroadcastToAgent({ agentId }, state, { agentActive: false }))
      .thenThrows(AgentsNotActive, { code: 'AGENTS_NOT_ACTIVE', params: { agentIds: agentId } });
  });

  it('ignores an agent granted already', () => {
    const agentId = `agent-${randomUUID()}`;

    given({ type: 'BroadcastGrantedToAgent', schemaVersion: 1, data: { agentId } })
      .when((state) => grantBroadcastToAgent({ agentId }, state, { agentActive: true }))
      .then([]);
  });
});

describe('revokeBroadcastFromAgent', () => {
  it('revokes a granted agent', () => {
    const agentId = `agent-${randomUUID()}`;

    given({ type: 'BroadcastGrantedToAgent', schemaVersion: 1, data: { agentId } })
      .when((state) => revokeBroadcastFromAgent({ agentId }, state))
      .then([{ type: 'BroadcastRevokedFromAgent', schemaVersion: 1, data: { agentId } }]);
  });

  it('ignores an agent not granted', () => {
    given()
      .when((state) => revokeBroadcastFromAgent({ agentId: `agent-${randomUUID()}` }, state))
      .then([]);
  });
});

describe('grantBroadcastToDivision', () => {
  it('grants broadcast to a division', () => {
    const divisionId = randomUUID();

    given()
      .when((state) => grantBroadcastToDivision({ divisionId }, state, { divisionExists: true }))
      .then([{ type: 'BroadcastGrantedToDivision', schemaVersion: 1, data: { divisionId } }]);
  });

  it('rejects an unknown division', () => {
    const divisionId = randomUUID();

    given()
      .when((state) => grantBroadcastToDivision({ divisionId }, state, { divisionExists: false }))
      .thenThrows(DivisionNotFound, { code: 'DIVISION_NOT_FOUND', status: 404 });
  });

  it('ignores a division granted already', () => {
    const divisionId = randomUUID();

    given({ type: 'BroadcastGrantedToDivision', schemaVersion: 1, data: { divisionId } })
      .when((state) => grantBroadcastToDivision({ divisionId }, state, { divisionExists: true }))
      .then([]);
  });
});

describe('revokeBroadcastFromDivision', () => {
  it('revokes a granted division', () => {
    const divisionId = randomUUID();

    given({ type: 'BroadcastGrantedToDivision', schemaVersion: 1, data: { divisionId } })
      .when((state) => revokeBroadcastFromDivision({ divisionId }, state))
      .then([{ type: 'BroadcastRevokedFromDivision', schemaVersion: 1, data: { divisionId } }]);
  });

  it('ignores a division not granted', () => {
    given()
      .when((state) => revokeBroadcastFromDivision({ divisionId: randomUUID() }, state))
      .then([]);
  });
});

describe('clearAgentSettings', () => {
  it('removes the agent limit and broadcast grant', () => {
    const agentId = `agent-${randomUUID()}`;

    given(
      { type: 'AgentWorkloadLimitChanged', schemaVersion: 1, data: { agentId, oldLimit: null, newLimit: 4 } },
      { type: 'BroadcastGrantedToAgent', schemaVersion: 1, data: { agentId } },
    )
      .when((state) => clearAgentSettings({ agentId }, state))
      .then([
        { type: 'AgentWorkloadLimitChanged', schemaVersion: 1, data: { agentId, oldLimit: 4, newLimit: null } },
        { type: 'BroadcastRevokedFromAgent', schemaVersion: 1, data: { agentId } },
      ]);
  });

  it('ignores an agent with no settings', () => {
    given()
      .when((state) => clearAgentSettings({ agentId: `agent-${randomUUID()}` }, state))
      .then([]);
  });
});

describe('clearDivisionSettings', () => {
  it('removes the division limit and broadcast grant', () => {
    const divisionId = randomUUID();

    given(
      { type: 'DivisionWorkloadLimitChanged', schemaVersion: 1, data: { divisionId, oldLimit: null, newLimit: 6 } },
      { type: 'BroadcastGrantedToDivision', schemaVersion: 1, data: { divisionId } },
    )
      .when((state) => clearDivisionSettings({ divisionId }, state))
      .then([
        { type: 'DivisionWorkloadLimitChanged', schemaVersion: 1, data: { divisionId, oldLimit: 6, newLimit: null } },
        { type: 'BroadcastRevokedFromDivision', schemaVersion: 1, data: { divisionId } },
      ]);
  });

  it('ignores a division with no settings', () => {
    given()
      .when((state) => clearDivisionSettings({ divisionId: randomUUID() }, state))
      .then([]);
  });
});
