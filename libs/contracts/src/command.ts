import type { Role } from './roles';

/**
 * Who sends a command and on whose behalf. The gateway fills it from the verified
 * access token only, never from a request body, path or query.
 */
export interface CallerContext {
  organizationId: string;
  userId: string;
  role: Role;
  correlationId: string;
}

/** The payload of every message the gateway sends to a service over TCP. */
export interface CommandMessage<TPayload = unknown> {
  caller: CallerContext;
  /** The `If-Match` version, when the client sent one. */
  expectedVersion?: number;
  payload: TPayload;
}

/** A field-level validation failure, as problem+json lists it under `errors`. */
export interface FieldError {
  field: string;
  code: string;
  message: string;
  /** Values for the placeholders of the code's localized message, so the gateway can render it in the caller's language. */
  params?: Record<string, string | number>;
}

/**
 * The error a service returns over TCP. The gateway turns it into problem+json with
 * the same `status` and `code`, so the caller sees the rule that was broken.
 */
export interface ServiceError {
  status: number;
  code: string;
  detail: string;
  /** Values for the placeholders of the localized message, such as `{id}`. */
  params?: Record<string, string | number>;
  errors?: FieldError[];
}

export function isServiceError(value: unknown): value is ServiceError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ServiceError).status === 'number' &&
    typeof (value as ServiceError).code === 'string'
  );
}
