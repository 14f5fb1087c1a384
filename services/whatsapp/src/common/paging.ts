import { COMMON_MESSAGES, DomainError } from '@regu/contracts';

export const DEFAULT_PAGE_LIMIT = 20;
export const MAX_PAGE_LIMIT = 100;

/** Offset paging of a list query. */
export interface PageRequest {
  limit?: number;
  offset?: number;
}

export interface Page<T> {
  items: T[];
  limit: number;
  offset: number;
  /** Items matching the filters, on every page. */
  total: number;
  /** The offset of the next page, or null on the last page. */
  nextOffset: number | null;
}

/** A limit outside 1..100 or a negative offset (400); the gateway checks the same, this guards other callers. */
export class PageRequestInvalid extends DomainError {
  constructor(field: 'limit' | 'offset', code: string) {
    super('VALIDATION_FAILED', 400, COMMON_MESSAGES.VALIDATION_FAILED.en, {}, [{ field, code, message: `${field} is out of range` }]);
  }
}

export function normalizePageRequest(request: PageRequest): { limit: number; offset: number } {
  const limit = request.limit ?? DEFAULT_PAGE_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_LIMIT) {
    throw new PageRequestInvalid('limit', 'PAGE_LIMIT_TOO_LARGE');
  }
  const offset = request.offset ?? 0;
  if (!Number.isInteger(offset) || offset < 0) {
    throw new PageRequestInvalid('offset', 'VALIDATION_MIN');
  }
  return { limit, offset };
}

/** Escapes every regular-expression metacharacter, so search input matches only itself. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
