import { ROLES } from '../roles';
import { ALLOCATION_STRATEGIES } from '../divisions/settings.events';
import { arraySchema, enumSchema, idSchema, objectSchema, type JsonSchema } from './json-schema';

export const roleSchema = enumSchema(ROLES);

export const workloadLimitSchema: JsonSchema = {
  description: 'The maximum number of chats an agent may have open at once: an integer from 1 to 100, or "unlimited".',
  anyOf: [{ type: 'integer', minimum: 1, maximum: 100 }, { const: 'unlimited' }],
};

export const channelScopeSchema: JsonSchema = {
  description: 'All channels, or the listed channels only. A specific scope with no ids serves no channel.',
  oneOf: [
    objectSchema({ kind: { const: 'all' } }),
    objectSchema({ kind: { const: 'specific' }, channelIds: arraySchema(idSchema, { uniqueItems: true }) }),
  ],
};

export const automaticAllocationSchema = objectSchema({
  enabled: { type: 'boolean' },
  strategy: enumSchema(ALLOCATION_STRATEGIES),
  onlineAgentsOnly: { type: 'boolean' },
});

/** `webhookUrl` is an https URL whenever `enabled` is true. */
export const customAllocationSchema: JsonSchema = {
  ...objectSchema({
    enabled: { type: 'boolean' },
    webhookUrl: { anyOf: [{ type: 'string', format: 'uri', pattern: '^https://' }, { type: 'null' }] },
  }),
  if: { properties: { enabled: { const: true } } },
  then: { properties: { webhookUrl: { type: 'string' } } },
};

export const idleRuleSchema = objectSchema({
  enabled: { type: 'boolean' },
  idleMinutes: { type: 'integer', minimum: 1, maximum: 1440 },
  reassignAttempts: { type: 'integer', minimum: 1, maximum: 10 },
});
