import { TOPICS, type Topic } from '../topics';
import { ENVELOPE_SCHEMA } from './envelope.schema';
import { EVENT_DATA_SCHEMAS, EVENT_TYPES_BY_TOPIC, MESSAGE_KEY_BY_TOPIC } from './event-schemas';
import type { JsonSchema } from './json-schema';

/**
 * Renders the JSON files that `npm run build` writes under `schemas/`, keyed by their
 * path relative to that folder. `index.json` lists every event type's topic, version and file.
 */
export function renderSchemaFiles(): Record<string, JsonSchema> {
  const files: Record<string, JsonSchema> = { 'envelope.json': ENVELOPE_SCHEMA };
  const index: JsonSchema[] = [];

  for (const entry of EVENT_DATA_SCHEMAS) {
    const file = `events/${entry.type}.v${entry.schemaVersion}.json`;
    files[file] = entry.schema;
    index.push({ type: entry.type, schemaVersion: entry.schemaVersion, topic: entry.topic, id: entry.id, file });
  }

  files['index.json'] = { envelope: 'envelope.json', events: index };
  return files;
}

const CHANNEL_DESCRIPTIONS: Record<Topic, string> = {
  [TOPICS.identityOrganization]: 'Organizations created by the identity service.',
  [TOPICS.identityUser]: 'Users of an organization: registration, profile, role, status and login security.',
  [TOPICS.divisionsDivision]: 'Divisions: name, supervisor, agents and the channels they serve.',
  [TOPICS.divisionsSettings]: "The organization's agent allocation, workload and broadcast settings.",
  [TOPICS.whatsappChannel]: 'WhatsApp Business numbers connected to the organization.',
  [TOPICS.whatsappTemplate]: 'WhatsApp message templates (24-hour HSM) and their review status.',
};

/** Drops the keywords that make a schema a standalone document, for inlining under `components`. */
function embedded(schema: JsonSchema): JsonSchema {
  const { $schema: _dialect, $id: _id, ...rest } = schema;
  return rest;
}

function channelKey(topic: Topic): string {
  return Object.entries(TOPICS).find(([, address]) => address === topic)?.[0] as string;
}

/**
 * Builds docs/asyncapi.yaml (AsyncAPI 3.0) from the schemas the package ships, so the
 * document and the validator cannot disagree. Operations describe Regu, which sends.
 */
export function renderAsyncApi(packageVersion: string): JsonSchema {
  const topics = Object.values(TOPICS);
  const channels: JsonSchema = {};
  const operations: JsonSchema = {};
  const messages: JsonSchema = {};
  const schemas: JsonSchema = { EventEnvelope: embedded(ENVELOPE_SCHEMA) };

  for (const topic of topics) {
    const key = channelKey(topic);
    const types = EVENT_DATA_SCHEMAS.filter((entry) => entry.topic === topic);
    channels[key] = {
      address: topic,
      description: `${CHANNEL_DESCRIPTIONS[topic]} Message key: the ${MESSAGE_KEY_BY_TOPIC[topic]}, so one aggregate's events stay in order.`,
      messages: Object.fromEntries(types.map((entry) => [entry.type, { $ref: `#/components/messages/${entry.type}` }])),
    };
    operations[`send${key[0].toUpperCase()}${key.slice(1)}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${key}` },
      messages: types.map((entry) => ({ $ref: `#/channels/${key}/messages/${entry.type}` })),
    };
  }

  for (const entry of EVENT_DATA_SCHEMAS) {
    const dataSchema = `${entry.type}Data`;
    schemas[dataSchema] = embedded(entry.schema);
    messages[entry.type] = {
      name: entry.type,
      title: entry.type,
      contentType: 'application/json',
      bindings: {
        kafka: {
          key: { type: 'string', description: `The ${MESSAGE_KEY_BY_TOPIC[entry.topic]}, equal to streamId.` },
          bindingVersion: '0.5.0',
        },
      },
      payload: {
        allOf: [
          { $ref: '#/components/schemas/EventEnvelope' },
          {
            properties: {
              type: { const: entry.type },
              schemaVersion: { const: entry.schemaVersion },
              data: { $ref: `#/components/schemas/${dataSchema}` },
            },
          },
        ],
      },
    };
  }

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Regu events',
      version: packageVersion,
      description:
        'Events that Regu publishes to Kafka. Every message value is a JSON event envelope whose `data` matches the schema of its `type` and `schemaVersion`. ' +
        'The JSON Schemas (draft 2020-12) and a validator ship in the @regu/contracts package; this document is generated from them by `npm run build -w libs/contracts`.',
    },
    defaultContentType: 'application/json',
    servers: {
      local: { host: '127.0.0.1:9092', protocol: 'kafka', description: 'The broker that `npm run infra:up` starts.' },
    },
    channels,
    operations,
    components: { schemas, messages },
  };
}
