import { DomainError } from '@regu/contracts';
import { englishMessage, fieldError } from '../divisions/domain/division.errors';

export const DEFAULT_PAGE_LIMIT = 20;
export const MAX_PAGE_LIMIT = 100;

/** Paging of a list query: `offset` or an opaque `cursor` from the previous page, not both. */
export interface PageRequest {
  limit?: number;
  offset?: number;
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  limit: number;
  /** Present when offset paging was used. */
  offset?: number;
  /** Pass it as `cursor` to get the next page; `null` on the last page. */
  nextCursor: string | null;
}

/** The position after the last item of a page, in the list's sort order (normalized name, then id). */
export interface CursorPosition {
  sortKey: string;
  id: string;
}

export class PageRequestInvalid extends DomainError {
  constructor(field: string, code: string, params: Record<string, string | number> = {}) {
    super('VALIDATION_FAILED', 400, englishMessage('VALIDATION_FAILED'), {}, [fieldError(field, code, params)]);
  }
}

/** Applies the default limit and rejects a limit over the maximum, a negative offset, or offset with cursor. */
export function normalizePageRequest(request: PageRequest): { limit: number; offset: number; cursor?: CursorPosition } {
  const limit = request.limit ?? DEFAULT_PAGE_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_LIMIT) {
    throw new PageRequestInvalid('limit', 'PAGE_LIMIT_OUT_OF_RANGE', { max: MAX_PAGE_LIMIT });
  }
  const offset = request.offset ?? 0;
  if (!Number.isInteger(offset) || offset < 0) {
    throw new PageRequestInvalid('offset', 'PAGE_OFFSET_INVALID');
  }
  if (request.cursor !== undefined && request.offset !== undefined) {
    throw new PageRequestInvalid('cursor', 'PAGE_CURSOR_WITH_OFFSET');
  }
  return { limit, offset, ...(request.cursor === undefined ? {} : { cursor: decodeCursor(request.cursor) }) };
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.sortKey, position.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): CursorPosition {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(decoded) && decoded.length === 2 && decoded.every((part) => typeof part === 'string')) {
      return { sortKey: decoded[0] as string, id: decoded[1] as string };
    }
  } catch {
    // Falls through to the same error as a well-formed cursor of the wrong shape.
  }
  throw new PageRequestInvalid('cursor', 'PAGE_CURSOR_INVALID');
}

/** Escapes every regular-expression metacharacter, so user input only ever matches itself. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
