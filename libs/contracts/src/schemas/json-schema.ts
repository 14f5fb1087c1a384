/** A JSON Schema (draft 2020-12) as a plain object, ready for `JSON.stringify` or ajv. */
export type JsonSchema = { [keyword: string]: unknown };

export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

interface ObjectSchemaOptions {
  /** Properties that may be missing. Every other property is required. */
  optional?: readonly string[];
  description?: string;
  /** Whether unknown properties are invalid. Only the envelope and its actor set it. */
  closed?: boolean;
}

/**
 * Builds an object schema. It is open by default: an unknown property is valid, so a
 * producer can add an optional field without bumping `schemaVersion` and consumers on an
 * older package keep accepting its events. `closed: true` rejects unknown properties.
 */
export function objectSchema(properties: Record<string, JsonSchema>, options: ObjectSchemaOptions = {}): JsonSchema {
  const optional = new Set(options.optional ?? []);
  return {
    type: 'object',
    ...(options.description === undefined ? {} : { description: options.description }),
    properties,
    required: Object.keys(properties).filter((name) => !optional.has(name)),
    ...(options.closed === true ? { additionalProperties: false } : {}),
  };
}

export function enumSchema(values: readonly (string | number)[], description?: string): JsonSchema {
  return { enum: [...values], ...(description === undefined ? {} : { description }) };
}

export function arraySchema(items: JsonSchema, options: { minItems?: number; uniqueItems?: boolean } = {}): JsonSchema {
  return { type: 'array', items, ...options };
}

/** Allows `null` besides what `schema` allows. */
export function nullable(schema: JsonSchema): JsonSchema {
  return { anyOf: [schema, { type: 'null' }] };
}

/** A non-empty identifier: the contracts do not fix a format for aggregate ids. */
export const idSchema: JsonSchema = { type: 'string', minLength: 1, maxLength: 200 };

export const dateTimeSchema: JsonSchema = { type: 'string', format: 'date-time', description: 'ISO 8601 timestamp.' };

export const phoneNumberSchema: JsonSchema = {
  type: 'string',
  pattern: '^\\+[1-9][0-9]{6,14}$',
  description: 'E.164, for example +6281234567890.',
};

export const nonEmptyStringSchema: JsonSchema = { type: 'string', minLength: 1 };
