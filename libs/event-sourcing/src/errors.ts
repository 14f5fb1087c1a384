/**
 * Thrown when an append's expected version is not the stream's current version:
 * another writer changed the aggregate since the caller read it.
 */
export class StreamVersionConflictError extends Error {
  readonly code = 'STREAM_VERSION_CONFLICT';

  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super(`Stream ${streamId} is at version ${actualVersion}, not the expected ${expectedVersion}`);
    this.name = 'StreamVersionConflictError';
  }
}
