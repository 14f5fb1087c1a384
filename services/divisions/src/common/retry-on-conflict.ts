import { StreamVersionConflictError } from '@regu/event-sourcing';

/**
 * Runs a load-decide-append command again when another writer appended to the stream
 * first. Only for commands the service issues itself: a client's write with If-Match
 * must fail with 412 instead.
 */
export async function retryOnConflict<T>(command: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await command();
    } catch (error) {
      if (!(error instanceof StreamVersionConflictError) || attempt >= attempts) {
        throw error;
      }
    }
  }
}
