import { createParamDecorator, type ExecutionContext, HttpStatus } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ProblemException } from './problem.exception';

/**
 * The version in an `If-Match: "<version>"` header, or undefined when the client sent
 * none. A write with it fails with 412 when the resource moved on; without it, with 409.
 */
export const IfMatch = createParamDecorator((_: unknown, context: ExecutionContext): number | undefined => {
  const header = context.switchToHttp().getRequest<Request>().headers['if-match'];
  if (header === undefined || header === '') {
    return undefined;
  }
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (match === null) {
    throw new ProblemException(HttpStatus.BAD_REQUEST, 'INVALID_IF_MATCH', {}, [{ field: 'If-Match', code: 'INVALID_IF_MATCH' }]);
  }
  return Number(match[1]);
});

/** Sets the ETag of a single resource to its stream version. */
export function setETag(response: Response, version: number): void {
  response.setHeader('ETag', `"${version}"`);
}
