import { randomUUID } from 'node:crypto';
import { DIVISION_EVENT_TYPES } from '../divisions/division.events';
import { SETTINGS_EVENT_TYPES } from '../divisions/settings.events';
import type { EventEnvelope } from '../envelope';
import { ORGANIZATION_EVENT_TYPES } from '../identity/organization.events';
import { USER_EVENT_TYPES } from '../identity/user.events';
import { TOPICS } from '../topics';
import { CHANNEL_EVENT_TYPES } from '../whatsapp/channel.events';
import { TEMPLATE_EVENT_TYPES } from '../whatsapp/template.events';
import { EVENT_DATA_SCHEMAS, EVENT_TYPES_BY_TOPIC, findEventDataSchema, latestSchemaVersion } from './event-schemas';
import { assertValidEvent, InvalidEventError, validateEvent } from './validate-event';

const AT = '2026-03-02T08:15:00.000Z';

const template = {
  templateId: 'tpl-1',
  channelId: 'ch-1',
  wabaId: 'waba-1',
  providerTemplateId: '1234567890',
  name: 'order_update',
  category: 'UTILITY',
  language: 'en_US',
  message: {
    header: { format: 'TEXT', text: 'Order {{1}}' },
    body: 'Hi {{1}}, your order {{2}} has shipped.',
    footer: 'Reply STOP to opt out',
    buttons: [
      { type: 'URL', text: 'Track', url: 'https://shop.example.com/track/{{1}}' },
      { type: 'QUICK_REPLY', text: 'Thanks' },
      { type: 'COPY_CODE', code: 'SHIP10' },
    ],
  },
  samples: { header: ['A-100'], body: ['Ana', 'A-100'], buttons: { 0: 'A-100' } },
  status: 'PENDING',
};

/** A valid `data` for every event type the contracts declare. */
const SAMPLE_DATA: Record<string, unknown> = {
  OrganizationCreated: { organizationId: 'org-1', name: 'Toko Maju', firstAdminUserId: 'user-admin' },
  UserRegistered: {
    userId: 'user-1',
    organizationId: 'org-1',
    role: 'agent',
    firstName: 'Sari',
    lastName: 'Wijaya',
    email: 'sari@example.com',
    phoneNumber: '+6281234567890',
  },
  UserProfileChanged: { userId: 'user-1', old: { lastName: 'Wijaya' }, new: { lastName: 'Putri' } },
  UserRoleChanged: { userId: 'user-1', oldRole: 'agent', newRole: 'supervisor' },
  UserDeactivated: { userId: 'user-1' },
  UserReactivated: { userId: 'user-1' },
  UserDeleted: { userId: 'user-1' },
  UserPasswordChanged: { userId: 'user-1', changedBy: 'user-admin' },
  UserLoginFailed: { userId: 'user-1', failedAttempts: 2 },
  UserLockedOut: { userId: 'user-1', failedAttempts: 5, lockedUntil: AT },
  UserFailedLoginsReset: { userId: 'user-1' },
  DivisionCreated: {
    divisionId: 'div-1',
    name: 'Billing',
    supervisorId: 'user-sup',
    agentIds: ['user-1', 'user-2'],
    channelScope: { kind: 'specific', channelIds: ['ch-1'] },
  },
  DivisionRenamed: { divisionId: 'div-1', oldName: 'Billing', newName: 'Payments' },
  DivisionSupervisorChanged: { divisionId: 'div-1', oldSupervisorId: null, newSupervisorId: 'user-sup' },
  DivisionSupervisorRemoved: { divisionId: 'div-1', oldSupervisorId: 'user-sup', reason: 'supervisor_deactivated' },
  DivisionChannelScopeChanged: { divisionId: 'div-1', oldChannelScope: { kind: 'specific', channelIds: ['ch-1'] }, newChannelScope: { kind: 'all' } },
  ChannelRemovedFromDivision: {
    divisionId: 'div-1',
    channelId: 'ch-1',
    reason: 'channel_disconnected',
    oldChannelScope: { kind: 'specific', channelIds: ['ch-1'] },
    newChannelScope: { kind: 'specific', channelIds: [] },
  },
  AgentsAddedToDivision: { divisionId: 'div-1', addedAgentIds: ['user-3'], oldAgentIds: ['user-1'], newAgentIds: ['user-1', 'user-3'] },
  AgentRemovedFromDivision: { divisionId: 'div-1', agentId: 'user-1', reason: 'agent_deactivated', oldAgentIds: ['user-1'], newAgentIds: [] },
  DivisionDeleted: { divisionId: 'div-1', name: 'Payments' },
  AgentsMayTakeUnassignedChatsChanged: { oldValue: true, newValue: false },
  AgentsMayTransferChatsChanged: { oldValue: true, newValue: false },
  AutomaticAllocationChanged: {
    oldValue: { enabled: false, strategy: 'round_robin', onlineAgentsOnly: true },
    newValue: { enabled: true, strategy: 'least_busy', onlineAgentsOnly: false },
  },
  CustomAllocationChanged: {
    oldValue: { enabled: false, webhookUrl: null },
    newValue: { enabled: true, webhookUrl: 'https://routing.example.com/allocate' },
  },
  IdleRuleChanged: {
    oldValue: { enabled: false, idleMinutes: 10, reassignAttempts: 3 },
    newValue: { enabled: true, idleMinutes: 30, reassignAttempts: 2 },
  },
  OrganizationWorkloadLimitChanged: { oldLimit: 'unlimited', newLimit: 5 },
  DivisionWorkloadLimitChanged: { divisionId: 'div-1', oldLimit: null, newLimit: 'unlimited' },
  AgentWorkloadLimitChanged: { agentId: 'user-1', oldLimit: 3, newLimit: null },
  BroadcastGrantedToAgent: { agentId: 'user-1' },
  BroadcastRevokedFromAgent: { agentId: 'user-1' },
  BroadcastGrantedToDivision: { divisionId: 'div-1' },
  BroadcastRevokedFromDivision: { divisionId: 'div-1' },
  ChannelConnected: {
    channelId: 'ch-1',
    displayName: 'Toko Maju Support',
    phoneNumber: '+6281100000001',
    wabaId: 'waba-1',
    phoneNumberId: 'pn-1',
    tokenReference: 'tokens/ch-1',
    tokenFingerprint: 'a1b2c3d4',
    connectedAt: AT,
  },
  ChannelSettingsUpdated: { channelId: 'ch-1', displayName: 'Toko Maju Care', updatedAt: AT },
  ChannelMarkedForReconnection: { channelId: 'ch-1', reason: 'TOKEN_EXPIRED', providerErrorCode: 190, providerErrorSubcode: 463, markedAt: AT },
  ChannelReconnected: { channelId: 'ch-1', tokenReference: 'tokens/ch-1', tokenFingerprint: 'e5f6a7b8', reconnectedAt: AT },
  ChannelDisconnected: { channelId: 'ch-1', phoneNumber: '+6281100000001', wabaId: 'waba-1', phoneNumberId: 'pn-1', disconnectedAt: AT },
  TemplateCreated: { ...template, createdAt: AT },
  TemplateImported: { ...template, status: 'REJECTED', rejectionReason: 'INVALID_FORMAT', importedAt: AT },
  TemplateEdited: { templateId: 'tpl-1', category: 'MARKETING', message: { body: 'Hello {{1}}' }, samples: { body: ['Ana'] }, previousStatus: 'APPROVED', editedAt: AT },
  TemplateStatusChanged: { templateId: 'tpl-1', previousStatus: 'PENDING', status: 'REJECTED', reason: 'INVALID_FORMAT', reportedAt: AT },
  TemplateDeleted: { templateId: 'tpl-1', wabaId: 'waba-1', name: 'order_update', language: 'en_US', deletedAt: AT },
};

function envelope(type: string, data: unknown, overrides: Partial<EventEnvelope> = {}): EventEnvelope {
  return {
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    streamId: 'stream-1',
    streamVersion: 1,
    organizationId: 'org-1',
    occurredAt: AT,
    correlationId: 'corr-1',
    causationId: 'cause-1',
    actor: { userId: 'user-admin', role: 'admin' },
    data,
    ...overrides,
  };
}

const DECLARED_TYPES = [
  ...Object.values(ORGANIZATION_EVENT_TYPES),
  ...Object.values(USER_EVENT_TYPES),
  ...DIVISION_EVENT_TYPES,
  ...SETTINGS_EVENT_TYPES,
  ...Object.values(CHANNEL_EVENT_TYPES),
  ...Object.values(TEMPLATE_EVENT_TYPES),
];

describe('event schemas', () => {
  it('cover every declared event type', () => {
    const withSchema = new Set(EVENT_DATA_SCHEMAS.map((entry) => entry.type));

    for (const type of DECLARED_TYPES) {
      expect({ type, hasSchema: withSchema.has(type) }).toEqual({ type, hasSchema: true });
    }
    expect([...withSchema].sort()).toEqual([...new Set(DECLARED_TYPES)].sort());
  });

  it('list every topic with its declared types', () => {
    expect(Object.keys(EVENT_TYPES_BY_TOPIC).sort()).toEqual(Object.values(TOPICS).sort());
    expect(Object.values(EVENT_TYPES_BY_TOPIC).flat().sort()).toEqual([...DECLARED_TYPES].sort());
  });

  it('have unique ids and start at version 1', () => {
    const ids = EVENT_DATA_SCHEMAS.map((entry) => entry.id);

    expect(new Set(ids).size).toBe(ids.length);
    for (const type of DECLARED_TYPES) {
      expect(findEventDataSchema(type, 1)?.schema.$id).toBe(`urn:regu:schema:event:${type}:v1`);
      expect(latestSchemaVersion(type)).toBe(1);
    }
    expect(latestSchemaVersion('NoSuchEvent')).toBeUndefined();
  });

  it('have a sample for every type', () => {
    expect(Object.keys(SAMPLE_DATA).sort()).toEqual([...DECLARED_TYPES].sort());
  });
});

describe('validateEvent', () => {
  it.each(DECLARED_TYPES)('accepts a sample %s', (type) => {
    const result = validateEvent(envelope(type, SAMPLE_DATA[type]));

    expect(result).toEqual({ valid: true, event: expect.objectContaining({ type }) });
  });

  it.each(DECLARED_TYPES)('accepts %s with an added optional field', (type) => {
    const data = { ...(SAMPLE_DATA[type] as object), addedInALaterRelease: 'value' };

    const result = validateEvent(envelope(type, data));

    expect(result).toEqual({ valid: true, event: expect.objectContaining({ type, data }) });
  });

  it('rejects an envelope with an unknown field', () => {
    const event = { ...envelope('UserDeactivated', { userId: 'user-1' }), accessToken: 'secret' };

    const result = validateEvent(event);

    expect(result).toEqual({ valid: false, errors: [{ path: '', message: 'must not have property accessToken' }] });
  });

  it('rejects data with a required field missing', () => {
    const { name: _name, ...data } = SAMPLE_DATA.DivisionCreated as Record<string, unknown>;

    const result = validateEvent(envelope('DivisionCreated', data));

    expect(result).toEqual({ valid: false, errors: [{ path: '/data', message: "must have required property 'name'" }] });
  });

  it('rejects a division created with no agents', () => {
    const data = { ...(SAMPLE_DATA.DivisionCreated as object), agentIds: [] };

    const result = validateEvent(envelope('DivisionCreated', data));

    expect(result).toEqual({ valid: false, errors: [{ path: '/data/agentIds', message: 'must NOT have fewer than 1 items' }] });
  });

  it.each([0, 101, 2.5, 'lots'])('rejects workload limit %p', (limit) => {
    const result = validateEvent(envelope('OrganizationWorkloadLimitChanged', { oldLimit: 'unlimited', newLimit: limit }));

    expect(result.valid).toBe(false);
    expect(result.valid ? [] : result.errors.map((error) => error.path)).toContain('/data/newLimit');
  });

  it('rejects custom allocation enabled without a webhook URL', () => {
    const data = { oldValue: { enabled: false, webhookUrl: null }, newValue: { enabled: true, webhookUrl: null } };

    const result = validateEvent(envelope('CustomAllocationChanged', data));

    expect(result.valid).toBe(false);
    expect(result.valid ? [] : result.errors.map((error) => error.path)).toContain('/data/newValue/webhookUrl');
  });

  it('rejects a channel scope of an unknown kind', () => {
    const data = { divisionId: 'div-1', oldChannelScope: { kind: 'all' }, newChannelScope: { kind: 'some', channelIds: ['ch-1'] } };

    const result = validateEvent(envelope('DivisionChannelScopeChanged', data));

    expect(result.valid).toBe(false);
  });

  it('rejects a phone number that is not E.164', () => {
    const data = { ...(SAMPLE_DATA.ChannelConnected as object), phoneNumber: '081100000001' };

    const result = validateEvent(envelope('ChannelConnected', data));

    expect(result).toEqual({ valid: false, errors: [{ path: '/data/phoneNumber', message: 'must match pattern "^\\+[1-9][0-9]{6,14}$"' }] });
  });

  it('rejects an unknown event type', () => {
    const result = validateEvent(envelope('DivisionExploded', {}));

    expect(result).toEqual({ valid: false, errors: [{ path: '/type', message: 'no schema for event type DivisionExploded at schemaVersion 1' }] });
  });

  it('rejects an unknown schema version', () => {
    const result = validateEvent(envelope('DivisionRenamed', SAMPLE_DATA.DivisionRenamed, { schemaVersion: 2 }));

    expect(result).toEqual({ valid: false, errors: [{ path: '/type', message: 'no schema for event type DivisionRenamed at schemaVersion 2' }] });
  });

  it('rejects an envelope with a bad id, a missing field and an unknown role', () => {
    const { organizationId: _organizationId, ...event } = envelope('UserDeactivated', { userId: 'user-1' }, {
      eventId: 'not-a-uuid',
      actor: { userId: 'user-admin', role: 'owner' as never },
    });

    const result = validateEvent(event);

    expect(result.valid).toBe(false);
    const paths = result.valid ? [] : result.errors.map((error) => error.path).sort();
    expect(paths).toEqual(['', '/actor/role', '/eventId']);
  });

  it('rejects a value that is not an object', () => {
    expect(validateEvent('{"type":"UserDeleted"}').valid).toBe(false);
    expect(validateEvent(null).valid).toBe(false);
  });

  it('assertValidEvent throws every reason', () => {
    const event = envelope('UserLoginFailed', { userId: '', failedAttempts: 0 });

    expect(() => assertValidEvent(event)).toThrow(InvalidEventError);
    expect(() => assertValidEvent(event)).toThrow(
      'Invalid event UserLoginFailed: /data/userId must NOT have fewer than 1 characters; /data/failedAttempts must be >= 1',
    );
  });
});
