import { DIVISION_EVENT_TYPES } from '../divisions/division.events';
import { SETTINGS_EVENT_TYPES } from '../divisions/settings.events';
import { ORGANIZATION_EVENT_TYPES } from '../identity/organization.events';
import { USER_EVENT_TYPES } from '../identity/user.events';
import { TOPICS, type Topic } from '../topics';
import { CHANNEL_EVENT_TYPES } from '../whatsapp/channel.events';
import { TEMPLATE_EVENT_TYPES } from '../whatsapp/template.events';
import { DIVISION_EVENT_DATA_SCHEMAS, SETTINGS_EVENT_DATA_SCHEMAS } from './divisions.schemas';
import { ORGANIZATION_EVENT_DATA_SCHEMAS, USER_EVENT_DATA_SCHEMAS } from './identity.schemas';
import { JSON_SCHEMA_DIALECT, type JsonSchema } from './json-schema';
import { CHANNEL_EVENT_DATA_SCHEMAS, TEMPLATE_EVENT_DATA_SCHEMAS } from './whatsapp.schemas';

/** Every event type the contracts declare, by the topic it is published on. */
export const EVENT_TYPES_BY_TOPIC: Record<Topic, readonly string[]> = {
  [TOPICS.identityOrganization]: Object.values(ORGANIZATION_EVENT_TYPES),
  [TOPICS.identityUser]: Object.values(USER_EVENT_TYPES),
  [TOPICS.divisionsDivision]: DIVISION_EVENT_TYPES,
  [TOPICS.divisionsSettings]: SETTINGS_EVENT_TYPES,
  [TOPICS.whatsappChannel]: Object.values(CHANNEL_EVENT_TYPES),
  [TOPICS.whatsappTemplate]: Object.values(TEMPLATE_EVENT_TYPES),
};

/** The aggregate whose id is the message key (and `streamId`) of each topic. */
export const MESSAGE_KEY_BY_TOPIC: Record<Topic, string> = {
  [TOPICS.identityOrganization]: 'organization id',
  [TOPICS.identityUser]: 'user id',
  [TOPICS.divisionsDivision]: 'division id',
  [TOPICS.divisionsSettings]: 'organization id (one settings stream per organization)',
  [TOPICS.whatsappChannel]: 'channel id',
  [TOPICS.whatsappTemplate]: 'template id',
};

/** The schema of one event type's `data` at one schema version. */
export interface EventDataSchema {
  type: string;
  schemaVersion: number;
  topic: Topic;
  /** `urn:regu:schema:event:<type>:v<schemaVersion>`. */
  id: string;
  schema: JsonSchema;
}

const V1_SCHEMAS_BY_TOPIC: Record<Topic, Record<string, JsonSchema>> = {
  [TOPICS.identityOrganization]: ORGANIZATION_EVENT_DATA_SCHEMAS,
  [TOPICS.identityUser]: USER_EVENT_DATA_SCHEMAS,
  [TOPICS.divisionsDivision]: DIVISION_EVENT_DATA_SCHEMAS,
  [TOPICS.divisionsSettings]: SETTINGS_EVENT_DATA_SCHEMAS,
  [TOPICS.whatsappChannel]: CHANNEL_EVENT_DATA_SCHEMAS,
  [TOPICS.whatsappTemplate]: TEMPLATE_EVENT_DATA_SCHEMAS,
};

export function eventDataSchemaId(type: string, schemaVersion: number): string {
  return `urn:regu:schema:event:${type}:v${schemaVersion}`;
}

/**
 * Every `data` schema the package ships, sorted by topic, type and version. A breaking
 * change adds an entry with the next `schemaVersion` and keeps the old one, so stored
 * events of the old version still validate before they are upcast.
 */
export const EVENT_DATA_SCHEMAS: readonly EventDataSchema[] = (Object.keys(V1_SCHEMAS_BY_TOPIC) as Topic[])
  .sort()
  .flatMap((topic) =>
    Object.entries(V1_SCHEMAS_BY_TOPIC[topic])
      .sort(([left], [right]) => compareStrings(left, right))
      .map(([type, schema]) => {
        const id = eventDataSchemaId(type, 1);
        return { type, schemaVersion: 1, topic, id, schema: { $schema: JSON_SCHEMA_DIALECT, $id: id, title: `${type}Data`, ...schema } };
      }),
  );

/** Returns the schema of `data` for a type and version, or `undefined` when the package has none. */
export function findEventDataSchema(type: string, schemaVersion: number): EventDataSchema | undefined {
  return EVENT_DATA_SCHEMAS.find((entry) => entry.type === type && entry.schemaVersion === schemaVersion);
}

/** The newest schema version of an event type, which upcasting aims at; `undefined` for an unknown type. */
export function latestSchemaVersion(type: string): number | undefined {
  const versions = EVENT_DATA_SCHEMAS.filter((entry) => entry.type === type).map((entry) => entry.schemaVersion);
  return versions.length === 0 ? undefined : Math.max(...versions);
}

function compareStrings(left: string, right: string): number {
  if (left === right) {
    return 0;
  }
  return left < right ? -1 : 1;
}
