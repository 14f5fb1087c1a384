import { ROLES } from '../roles';
import { dateTimeSchema, idSchema, JSON_SCHEMA_DIALECT, objectSchema, type JsonSchema } from './json-schema';

export const ENVELOPE_SCHEMA_ID = 'urn:regu:schema:envelope';

/**
 * The envelope of every event. It is closed because its fields are the same for every
 * type. `data` is checked separately against the open schema of its type.
 */
export const ENVELOPE_SCHEMA: JsonSchema = {
  $schema: JSON_SCHEMA_DIALECT,
  $id: ENVELOPE_SCHEMA_ID,
  title: 'EventEnvelope',
  ...objectSchema({
    eventId: { type: 'string', format: 'uuid' },
    type: { type: 'string', pattern: '^[A-Z][A-Za-z0-9]*$', description: 'PascalCase, past tense, for example DivisionCreated.' },
    schemaVersion: { type: 'integer', minimum: 1 },
    streamId: { ...idSchema, description: 'The aggregate id; also the Kafka message key.' },
    streamVersion: { type: 'integer', minimum: 1, description: 'Position in the stream, starting at 1 with no gaps.' },
    organizationId: idSchema,
    occurredAt: dateTimeSchema,
    correlationId: idSchema,
    causationId: { ...idSchema, description: 'The id of the event or request that caused this one.' },
    actor: objectSchema({ userId: idSchema, role: { enum: [...ROLES, 'system'] } }, { closed: true }),
    data: { type: 'object' },
  }, { closed: true }),
};
