import { randomUUID } from 'node:crypto';
import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import * as contracts from '@regu/contracts';
import { formatMessage, type Language, type MessageCatalog } from '@regu/contracts';
import { CORRELATION_ID_HEADER } from './correlation-id.middleware';
import { languageOf } from './language';
import { ProblemException } from './problem.exception';
import { VALIDATION_MESSAGES } from './validation.messages';

/** Every `*_MESSAGES` catalog that libs/contracts exports, plus the gateway's own. */
const CATALOG: MessageCatalog = Object.assign(
  {},
  ...Object.entries(contracts)
    .filter(([name]) => name.endsWith('_MESSAGES'))
    .map(([, catalog]) => catalog as MessageCatalog),
  VALIDATION_MESSAGES,
);

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  correlationId: string;
  instance: string;
  errors?: { field: string; code: string; message: string }[];
}

/**
 * Writes every error as problem+json (RFC 9457) in the caller's language.
 * 4xx are logged at debug without a stack; 5xx once at error with the stack.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const problem = toProblemException(exception, request);
    ensureCorrelationId(request, response);
    const language = languageOf(request.headers['accept-language']);
    const body = renderProblem(problem, language, request);

    if (body.status >= 500) {
      this.logger.error({ err: exception, correlationId: body.correlationId, code: body.code }, 'request failed');
    } else {
      this.logger.debug({ correlationId: body.correlationId, code: body.code, status: body.status }, 'request rejected');
    }

    for (const [name, value] of Object.entries(problem.headers)) {
      response.setHeader(name, value);
    }
    response.status(body.status).type('application/problem+json').json(body);
  }
}

/** Requests rejected by the body parser never reach CorrelationIdMiddleware; give them an id here. */
function ensureCorrelationId(request: Request, response: Response): void {
  if (!request.headers[CORRELATION_ID_HEADER]) {
    request.headers[CORRELATION_ID_HEADER] = randomUUID();
    response.setHeader('X-Correlation-Id', request.headers[CORRELATION_ID_HEADER]);
  }
}

function toProblemException(exception: unknown, request: Request): ProblemException {
  if (exception instanceof ProblemException) {
    return exception;
  }
  if (exception instanceof ThrottlerException) {
    return new ProblemException(HttpStatus.TOO_MANY_REQUESTS, 'RATE_LIMITED', { retryAfter: 60 }, [], undefined, { 'Retry-After': '60' });
  }
  if (exception instanceof HttpException) {
    return fromFrameworkException(exception, request);
  }
  return new ProblemException(HttpStatus.INTERNAL_SERVER_ERROR, 'INTERNAL_ERROR');
}

/** Maps the exceptions Nest and Express raise themselves (unknown route, bad JSON, body too large). */
function fromFrameworkException(exception: HttpException, request: Request): ProblemException {
  const status = exception.getStatus();
  const cause = exception.cause as { type?: string; message?: string } | undefined;

  if (status === HttpStatus.NOT_FOUND) {
    return new ProblemException(status, 'ROUTE_NOT_FOUND', { method: request.method, path: request.path });
  }
  if (status === HttpStatus.PAYLOAD_TOO_LARGE) {
    return new ProblemException(status, 'BODY_TOO_LARGE', { limit: '100 KB' });
  }
  if (status === HttpStatus.BAD_REQUEST && (cause?.type === 'entity.parse.failed' || /JSON/.test(exception.message))) {
    return new ProblemException(status, 'INVALID_BODY', { reason: exception.message });
  }
  return new ProblemException(status, status >= 500 ? 'INTERNAL_ERROR' : 'VALIDATION_INVALID', {}, [], exception.message);
}

export function localize(code: string, language: Language, params: Record<string, string | number>, fallback?: string): string {
  const entry = CATALOG[code];
  if (entry === undefined) {
    return fallback ?? code;
  }
  return formatMessage(entry[language], params);
}

function renderProblem(problem: ProblemException, language: Language, request: Request): ProblemDetails {
  const status = problem.getStatus();
  const body: ProblemDetails = {
    type: `urn:regu:problem:${problem.code.toLowerCase().replace(/_/g, '-')}`,
    title: HTTP_TITLES[status] ?? 'Error',
    status,
    detail: localize(problem.code, language, problem.params, problem.fallbackDetail),
    code: problem.code,
    correlationId: String(request.headers[CORRELATION_ID_HEADER] ?? ''),
    instance: request.originalUrl,
  };
  if (problem.fieldProblems.length > 0) {
    body.errors = problem.fieldProblems.map((field) => ({
      field: field.field,
      code: field.code,
      message: localize(field.code, language, { field: field.field, ...field.params }, field.message),
    }));
  }
  return body;
}

const HTTP_TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};
