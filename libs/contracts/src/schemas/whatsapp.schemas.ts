import { CHANNEL_EVENT_TYPES, type ChannelEventType, type ChannelReconnectionReason } from '../whatsapp/channel.events';
import {
  TEMPLATE_BUTTON_TYPES,
  TEMPLATE_CATEGORIES,
  TEMPLATE_EVENT_TYPES,
  TEMPLATE_STATUSES,
  type TemplateEventType,
} from '../whatsapp/template.events';
import {
  arraySchema,
  dateTimeSchema,
  enumSchema,
  idSchema,
  nonEmptyStringSchema,
  objectSchema,
  phoneNumberSchema,
  type JsonSchema,
} from './json-schema';

const reconnectionReasons = Object.keys({
  TOKEN_EXPIRED: true,
  TOKEN_REVOKED: true,
  TOKEN_INVALID: true,
} satisfies Record<ChannelReconnectionReason, true>);

/** Schemas of `data` at schema version 1, one per channel event type. None allows the access token itself. */
export const CHANNEL_EVENT_DATA_SCHEMAS: Record<ChannelEventType, JsonSchema> = {
  [CHANNEL_EVENT_TYPES.connected]: objectSchema({
    channelId: idSchema,
    displayName: nonEmptyStringSchema,
    phoneNumber: phoneNumberSchema,
    wabaId: idSchema,
    phoneNumberId: idSchema,
    tokenReference: nonEmptyStringSchema,
    tokenFingerprint: nonEmptyStringSchema,
    connectedAt: dateTimeSchema,
  }),
  [CHANNEL_EVENT_TYPES.settingsUpdated]: objectSchema(
    {
      channelId: idSchema,
      displayName: nonEmptyStringSchema,
      tokenReference: nonEmptyStringSchema,
      tokenFingerprint: nonEmptyStringSchema,
      updatedAt: dateTimeSchema,
    },
    { optional: ['displayName', 'tokenReference', 'tokenFingerprint'], description: 'Carries only the settings that changed.' },
  ),
  [CHANNEL_EVENT_TYPES.markedForReconnection]: objectSchema(
    {
      channelId: idSchema,
      reason: enumSchema(reconnectionReasons),
      providerErrorCode: { type: 'integer' },
      providerErrorSubcode: { type: 'integer' },
      markedAt: dateTimeSchema,
    },
    { optional: ['providerErrorCode', 'providerErrorSubcode'] },
  ),
  [CHANNEL_EVENT_TYPES.reconnected]: objectSchema({
    channelId: idSchema,
    tokenReference: nonEmptyStringSchema,
    tokenFingerprint: nonEmptyStringSchema,
    reconnectedAt: dateTimeSchema,
  }),
  [CHANNEL_EVENT_TYPES.disconnected]: objectSchema({
    channelId: idSchema,
    phoneNumber: phoneNumberSchema,
    wabaId: idSchema,
    phoneNumberId: idSchema,
    disconnectedAt: dateTimeSchema,
  }),
};

const templateStatusSchema = enumSchema(TEMPLATE_STATUSES);
const templateCategorySchema = enumSchema(TEMPLATE_CATEGORIES);
const languageSchema: JsonSchema = { type: 'string', minLength: 1, description: 'WhatsApp language code, for example en_US or id.' };

const templateHeaderSchema: JsonSchema = {
  oneOf: [
    objectSchema({ format: { const: 'TEXT' }, text: nonEmptyStringSchema }),
    objectSchema({ format: enumSchema(['IMAGE', 'VIDEO', 'DOCUMENT']) }),
  ],
};

const templateButtonSchemas: Record<(typeof TEMPLATE_BUTTON_TYPES)[number], JsonSchema> = {
  QUICK_REPLY: objectSchema({ type: { const: 'QUICK_REPLY' }, text: nonEmptyStringSchema }),
  URL: objectSchema({ type: { const: 'URL' }, text: nonEmptyStringSchema, url: nonEmptyStringSchema }),
  PHONE_NUMBER: objectSchema({ type: { const: 'PHONE_NUMBER' }, text: nonEmptyStringSchema, phoneNumber: nonEmptyStringSchema }),
  COPY_CODE: objectSchema({ type: { const: 'COPY_CODE' }, code: nonEmptyStringSchema }),
};

const templateMessageSchema = objectSchema(
  {
    header: templateHeaderSchema,
    body: nonEmptyStringSchema,
    footer: { type: 'string' },
    buttons: arraySchema({ oneOf: Object.values(templateButtonSchemas) }),
  },
  { optional: ['header', 'footer', 'buttons'] },
);

const templateSamplesSchema = objectSchema(
  {
    header: arraySchema({ type: 'string' }),
    body: arraySchema({ type: 'string' }),
    buttons: {
      type: 'object',
      description: "Keyed by the URL button's position in message.buttons, starting at 0.",
      propertyNames: { pattern: '^[0-9]+$' },
      additionalProperties: { type: 'string' },
    },
  },
  { optional: ['header', 'body', 'buttons'] },
);

const templateIdentityFields: Record<string, JsonSchema> = {
  templateId: idSchema,
  channelId: idSchema,
  wabaId: idSchema,
  providerTemplateId: idSchema,
  name: nonEmptyStringSchema,
  category: templateCategorySchema,
  language: languageSchema,
  message: templateMessageSchema,
  samples: templateSamplesSchema,
  status: templateStatusSchema,
};

/** Schemas of `data` at schema version 1, one per message template event type. */
export const TEMPLATE_EVENT_DATA_SCHEMAS: Record<TemplateEventType, JsonSchema> = {
  [TEMPLATE_EVENT_TYPES.created]: objectSchema({ ...templateIdentityFields, createdAt: dateTimeSchema }),
  [TEMPLATE_EVENT_TYPES.imported]: objectSchema(
    { ...templateIdentityFields, rejectionReason: { type: 'string' }, importedAt: dateTimeSchema },
    { optional: ['rejectionReason'] },
  ),
  [TEMPLATE_EVENT_TYPES.edited]: objectSchema({
    templateId: idSchema,
    category: templateCategorySchema,
    message: templateMessageSchema,
    samples: templateSamplesSchema,
    previousStatus: templateStatusSchema,
    editedAt: dateTimeSchema,
  }),
  [TEMPLATE_EVENT_TYPES.statusChanged]: objectSchema(
    {
      templateId: idSchema,
      previousStatus: templateStatusSchema,
      status: templateStatusSchema,
      reason: { type: 'string' },
      reportedAt: dateTimeSchema,
    },
    { optional: ['reason'] },
  ),
  [TEMPLATE_EVENT_TYPES.deleted]: objectSchema({
    templateId: idSchema,
    wabaId: idSchema,
    name: nonEmptyStringSchema,
    language: languageSchema,
    deletedAt: dateTimeSchema,
  }),
};
