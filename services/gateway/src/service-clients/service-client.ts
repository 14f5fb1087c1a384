import { HttpStatus, Logger } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import { firstValueFrom, timeout, TimeoutError } from 'rxjs';
import { type CallerContext, type CommandMessage, isServiceError } from '@regu/contracts';
import { ProblemException } from '../http/problem.exception';

/**
 * Sends the gateway's commands and queries to one service over TCP and turns its
 * answer into a value or a ProblemException with the service's code and status.
 */
export class ServiceClient {
  private readonly logger: Logger;

  constructor(
    private readonly serviceName: string,
    private readonly client: ClientProxy,
    private readonly timeoutMs: number,
  ) {
    this.logger = new Logger(`ServiceClient:${serviceName}`);
  }

  async send<TResult, TPayload = unknown>(pattern: string, caller: CallerContext, payload: TPayload, expectedVersion?: number): Promise<TResult> {
    const message: CommandMessage<TPayload> = { caller, payload, ...(expectedVersion === undefined ? {} : { expectedVersion }) };
    try {
      return await firstValueFrom(this.client.send<TResult, CommandMessage<TPayload>>(pattern, message).pipe(timeout(this.timeoutMs)));
    } catch (error) {
      throw this.toProblem(error, pattern, caller, expectedVersion);
    }
  }

  private toProblem(error: unknown, pattern: string, caller: CallerContext, expectedVersion: number | undefined): ProblemException {
    if (isServiceError(error)) {
      if (error.code === 'STREAM_VERSION_CONFLICT' && expectedVersion !== undefined) {
        return new ProblemException(HttpStatus.PRECONDITION_FAILED, 'PRECONDITION_FAILED', error.params ?? {});
      }
      return ProblemException.fromServiceError(error);
    }

    const reason = error instanceof TimeoutError ? 'timed out' : error instanceof Error ? error.message : String(error);
    this.logger.error({ pattern, correlationId: caller.correlationId, reason }, 'service did not answer');
    return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, 'SERVICE_UNAVAILABLE', { service: this.serviceName });
  }
}
