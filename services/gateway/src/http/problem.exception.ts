import { HttpException } from '@nestjs/common';
import type { FieldError, ServiceError } from '@regu/contracts';

/** A field error before localization: the message comes from the code's catalog entry. */
export interface FieldProblem {
  field: string;
  code: string;
  params?: Record<string, string | number>;
  /** A message the service already wrote, used when the code has no catalog entry. */
  message?: string;
}

/**
 * An error the gateway answers as problem+json. `code` selects the localized detail
 * message; `fallbackDetail` is used when the code has no catalog entry.
 */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    readonly fieldProblems: FieldProblem[] = [],
    readonly fallbackDetail?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(code, status);
  }

  static fromServiceError(error: ServiceError): ProblemException {
    const fields = (error.errors ?? []).map((e: FieldError) => ({ field: e.field, code: e.code, message: e.message, ...(e.params === undefined ? {} : { params: e.params }) }));
    const retryAfter = error.params?.retryAfter;
    const headers: Record<string, string> = error.status === 429 && retryAfter !== undefined ? { 'Retry-After': String(retryAfter) } : {};
    return new ProblemException(error.status, error.code, error.params ?? {}, fields, error.detail, headers);
  }
}
