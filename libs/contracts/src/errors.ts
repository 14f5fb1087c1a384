import type { FieldError } from './command';

/**
 * A broken business rule, thrown by a domain `decide` function. It carries a stable
 * `code` (the key of its English and Indonesian messages in `messages/`), the HTTP
 * status the gateway answers with, and the values the message refers to.
 * Plain TypeScript, so domain code can throw it without importing a framework.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly params: Record<string, string | number> = {},
    readonly errors: FieldError[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}
