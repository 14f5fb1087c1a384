import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { throwError, type Observable } from 'rxjs';
import { MongoNetworkError, MongoServerSelectionError } from 'mongodb';
import { DomainError, type ServiceError } from '@regu/contracts';
import { StreamVersionConflictError } from '@regu/event-sourcing';

/**
 * Turns whatever a message handler throws into a ServiceError, which the gateway
 * renders as problem+json. Broken rules keep their code and status; anything else
 * is logged once with its stack and answered as a 500 without internals.
 * On a service's own HTTP routes (health, webhooks) it answers the same body as JSON.
 */
@Catch()
export class ServiceErrorFilter implements ExceptionFilter<unknown> {
  private readonly logger = new Logger(ServiceErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    if (host.getType() === 'http') {
      this.respondOverHttp(exception, host);
      return;
    }
    return throwError(() => this.toServiceError(exception, host));
  }

  private respondOverHttp(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof HttpException) {
      response.status(exception.getStatus()).json(exception.getResponse());
      return;
    }
    const error = this.toServiceError(exception, host);
    response.status(error.status).json(error);
  }

  private toServiceError(exception: unknown, host: ArgumentsHost): ServiceError {
    if (exception instanceof DomainError) {
      return { status: exception.status, code: exception.code, detail: exception.message, params: exception.params, errors: exception.errors };
    }
    if (exception instanceof StreamVersionConflictError) {
      return {
        status: 409,
        code: exception.code,
        detail: exception.message,
        params: { expectedVersion: exception.expectedVersion, actualVersion: exception.actualVersion },
      };
    }

    if (isStoreUnavailable(exception)) {
      this.logger.warn({ err: exception }, 'the database is unreachable; returning 503');
      return { status: 503, code: 'STORE_UNAVAILABLE', detail: 'The service cannot reach its database; retry shortly.' };
    }

    const pattern = host.getType() === 'rpc' ? (host.switchToRpc().getContext()?.getPattern?.() as string | undefined) : undefined;
    this.logger.error({ err: exception, pattern }, 'request failed');
    return { status: 500, code: 'INTERNAL_ERROR', detail: 'The service failed to process the request.' };
  }
}

/** Returns whether the MongoDB driver failed to reach the server, as opposed to the server rejecting the operation. */
function isStoreUnavailable(exception: unknown): boolean {
  return exception instanceof MongoNetworkError || exception instanceof MongoServerSelectionError;
}
