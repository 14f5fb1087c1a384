import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { EventEnvelope } from '../envelope';
import { ENVELOPE_SCHEMA } from './envelope.schema';
import { EVENT_DATA_SCHEMAS, findEventDataSchema } from './event-schemas';

/** One reason an event is invalid. `path` is a JSON Pointer into the envelope, `''` for the root. */
export interface EventValidationError {
  path: string;
  message: string;
}

export type EventValidationResult =
  | { valid: true; event: EventEnvelope }
  | { valid: false; errors: EventValidationError[] };

interface Validators {
  envelope: ValidateFunction;
  data: Map<string, ValidateFunction>;
}

let validators: Validators | undefined;

/** Compiles every schema once, on the first validation, so importing the package stays cheap. */
function compiledValidators(): Validators {
  if (validators === undefined) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    const data = new Map<string, ValidateFunction>();
    for (const entry of EVENT_DATA_SCHEMAS) {
      data.set(entry.id, ajv.compile(entry.schema));
    }
    validators = { envelope: ajv.compile(ENVELOPE_SCHEMA), data };
  }
  return validators;
}

/**
 * Validates an event against the envelope schema and then its `data` against the schema
 * of its `type` at its own `schemaVersion`. An unknown type or version is invalid, so
 * run `upcastEvent` afterwards, not before, when both are needed.
 */
export function validateEvent(envelope: unknown): EventValidationResult {
  const { envelope: validateEnvelope, data } = compiledValidators();

  if (!validateEnvelope(envelope)) {
    return { valid: false, errors: toValidationErrors(validateEnvelope.errors, '') };
  }

  const event = envelope as EventEnvelope;
  const entry = findEventDataSchema(event.type, event.schemaVersion);
  if (entry === undefined) {
    const message = `no schema for event type ${event.type} at schemaVersion ${event.schemaVersion}`;
    return { valid: false, errors: [{ path: '/type', message }] };
  }

  const validateData = data.get(entry.id) as ValidateFunction;
  if (!validateData(event.data)) {
    return { valid: false, errors: toValidationErrors(validateData.errors, '/data') };
  }
  return { valid: true, event };
}

/** Thrown by `assertValidEvent`; `errors` lists every reason, not only the first. */
export class InvalidEventError extends Error {
  constructor(
    readonly eventType: unknown,
    readonly errors: EventValidationError[],
  ) {
    super(`Invalid event ${String(eventType)}: ${errors.map((error) => `${error.path || '/'} ${error.message}`).join('; ')}`);
    this.name = 'InvalidEventError';
  }
}

/** Returns the event typed as an envelope, or throws `InvalidEventError`. */
export function assertValidEvent(envelope: unknown): EventEnvelope {
  const result = validateEvent(envelope);
  if (!result.valid) {
    throw new InvalidEventError((envelope as { type?: unknown } | null)?.type, result.errors);
  }
  return result.event;
}

function toValidationErrors(errors: ErrorObject[] | null | undefined, prefix: string): EventValidationError[] {
  return (errors ?? []).map((error) => ({
    path: `${prefix}${error.instancePath}`,
    message: describe(error),
  }));
}

function describe(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') {
    return `must not have property ${String(error.params.additionalProperty)}`;
  }
  return error.message ?? error.keyword;
}
