import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: `errors` lists each field, `field is required` for a missing one.',
  401: 'No access token, or an expired or invalid one.',
  403: 'The caller\'s role may not do this.',
  404: 'Not found, or it belongs to another organization.',
  409: 'A rule or uniqueness conflict; `code` names the rule.',
  412: 'If-Match is stale: someone changed the resource since it was read.',
  422: 'The template breaks a WhatsApp rule; `errors` names the component and the rule.',
  429: 'Too many requests; see Retry-After.',
};

/** Documents the problem+json answers of a route in the OpenAPI document. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...[...new Set([401, 429, ...statuses])].map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status] ?? 'Error', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } } }),
    ),
  );
}
