import type {
  AgentRemovalReason,
  ChannelRemovalReason,
  DivisionEventType,
  SupervisorRemovalReason,
} from '../divisions/division.events';
import type { SettingsEventType } from '../divisions/settings.events';
import {
  automaticAllocationSchema,
  channelScopeSchema,
  customAllocationSchema,
  idleRuleSchema,
  workloadLimitSchema,
} from './common.schemas';
import { arraySchema, enumSchema, idSchema, nullable, objectSchema, type JsonSchema } from './json-schema';

// Objects keyed by every member of a union type, so adding a reason to the contract
// without adding it here fails to compile.
const agentRemovalReasons = Object.keys({
  removed_by_admin: true,
  agent_deactivated: true,
  agent_deleted: true,
  agent_role_changed: true,
} satisfies Record<AgentRemovalReason, true>);

const supervisorRemovalReasons = Object.keys({
  supervisor_deactivated: true,
  supervisor_deleted: true,
  supervisor_role_changed: true,
} satisfies Record<SupervisorRemovalReason, true>);

const channelRemovalReasons = Object.keys({ channel_disconnected: true } satisfies Record<ChannelRemovalReason, true>);

const divisionNameSchema: JsonSchema = { type: 'string', minLength: 1, maxLength: 100 };

const agentIdsSchema = arraySchema(idSchema, { uniqueItems: true });

/** Schemas of `data` at schema version 1, one per division event type. */
export const DIVISION_EVENT_DATA_SCHEMAS: Record<DivisionEventType, JsonSchema> = {
  DivisionCreated: objectSchema({
    divisionId: idSchema,
    name: divisionNameSchema,
    supervisorId: idSchema,
    agentIds: arraySchema(idSchema, { minItems: 1, uniqueItems: true }),
    channelScope: channelScopeSchema,
  }),
  DivisionRenamed: objectSchema({ divisionId: idSchema, oldName: divisionNameSchema, newName: divisionNameSchema }),
  DivisionSupervisorChanged: objectSchema({
    divisionId: idSchema,
    oldSupervisorId: nullable(idSchema),
    newSupervisorId: idSchema,
  }),
  DivisionSupervisorRemoved: objectSchema({
    divisionId: idSchema,
    oldSupervisorId: idSchema,
    reason: enumSchema(supervisorRemovalReasons),
  }),
  DivisionChannelScopeChanged: objectSchema({
    divisionId: idSchema,
    oldChannelScope: channelScopeSchema,
    newChannelScope: channelScopeSchema,
  }),
  ChannelRemovedFromDivision: objectSchema({
    divisionId: idSchema,
    channelId: idSchema,
    reason: enumSchema(channelRemovalReasons),
    oldChannelScope: channelScopeSchema,
    newChannelScope: channelScopeSchema,
  }),
  AgentsAddedToDivision: objectSchema({
    divisionId: idSchema,
    addedAgentIds: arraySchema(idSchema, { minItems: 1, uniqueItems: true }),
    oldAgentIds: agentIdsSchema,
    newAgentIds: agentIdsSchema,
  }),
  AgentRemovedFromDivision: objectSchema({
    divisionId: idSchema,
    agentId: idSchema,
    reason: enumSchema(agentRemovalReasons),
    oldAgentIds: agentIdsSchema,
    newAgentIds: agentIdsSchema,
  }),
  DivisionDeleted: objectSchema({ divisionId: idSchema, name: divisionNameSchema }),
};

function changedValue(value: JsonSchema): JsonSchema {
  return objectSchema({ oldValue: value, newValue: value });
}

const agentOnly = objectSchema({ agentId: idSchema });
const divisionOnly = objectSchema({ divisionId: idSchema });

/** Schemas of `data` at schema version 1, one per organization settings event type. */
export const SETTINGS_EVENT_DATA_SCHEMAS: Record<SettingsEventType, JsonSchema> = {
  AgentsMayTakeUnassignedChatsChanged: changedValue({ type: 'boolean' }),
  AgentsMayTransferChatsChanged: changedValue({ type: 'boolean' }),
  AutomaticAllocationChanged: changedValue(automaticAllocationSchema),
  CustomAllocationChanged: changedValue(customAllocationSchema),
  IdleRuleChanged: changedValue(idleRuleSchema),
  OrganizationWorkloadLimitChanged: objectSchema({ oldLimit: workloadLimitSchema, newLimit: workloadLimitSchema }),
  DivisionWorkloadLimitChanged: objectSchema(
    { divisionId: idSchema, oldLimit: nullable(workloadLimitSchema), newLimit: nullable(workloadLimitSchema) },
    { description: 'A null limit means the division has no limit of its own.' },
  ),
  AgentWorkloadLimitChanged: objectSchema(
    { agentId: idSchema, oldLimit: nullable(workloadLimitSchema), newLimit: nullable(workloadLimitSchema) },
    { description: 'A null limit means the agent has no limit of their own.' },
  ),
  BroadcastGrantedToAgent: agentOnly,
  BroadcastRevokedFromAgent: agentOnly,
  BroadcastGrantedToDivision: divisionOnly,
  BroadcastRevokedFromDivision: divisionOnly,
};
