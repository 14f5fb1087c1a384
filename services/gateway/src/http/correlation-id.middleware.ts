import { randomUUID } from 'node:crypto';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

export const CORRELATION_ID_HEADER = 'x-correlation-id';

const ACCEPTABLE_CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Gives every request a correlation id: the client's `X-Correlation-Id` when it is a
 * plain token, else a new UUID. It is echoed in the response, sent to the services
 * and stored in the metadata of every event the request causes.
 */
@Injectable()
export class CorrelationIdMiddleware implements NestMiddleware {
  use(request: Request, response: Response, next: NextFunction): void {
    const given = request.headers[CORRELATION_ID_HEADER];
    const correlationId = typeof given === 'string' && ACCEPTABLE_CORRELATION_ID.test(given) ? given : randomUUID();
    request.headers[CORRELATION_ID_HEADER] = correlationId;
    response.setHeader('X-Correlation-Id', correlationId);
    next();
  }
}
