export { ENVELOPE_SCHEMA, ENVELOPE_SCHEMA_ID } from './envelope.schema';
export {
  EVENT_DATA_SCHEMAS,
  EVENT_TYPES_BY_TOPIC,
  MESSAGE_KEY_BY_TOPIC,
  eventDataSchemaId,
  findEventDataSchema,
  latestSchemaVersion,
  type EventDataSchema,
} from './event-schemas';
export type { JsonSchema } from './json-schema';
export { UPCASTERS, createUpcasterRegistry, upcastEvent, type Upcaster, type UpcasterRegistry } from './upcast-event';
export {
  InvalidEventError,
  assertValidEvent,
  validateEvent,
  type EventValidationError,
  type EventValidationResult,
} from './validate-event';
