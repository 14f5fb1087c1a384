import type { Collection, Document } from 'mongodb';
import type { EventEnvelope } from '@regu/contracts';

/** What happened when a projection received an event. */
export type ApplyOutcome = 'applied' | 'duplicate' | 'gap';

/**
 * A read-model document for one stream. `streamVersion` is the last event applied,
 * so a redelivered event is recognised and an event after a gap is not applied.
 * A deleted aggregate keeps a tombstone (`deleted: true`) for the same reason.
 */
export type VersionedDocument<T> = T & {
  _id: string;
  organizationId: string;
  streamVersion: number;
  deleted?: boolean;
};

/** Returns the new document body, or `null` when the event deletes the aggregate. */
export type Evolve<T> = (current: T | null, event: EventEnvelope) => T | null;

/**
 * Applies one event to the document of its stream, guarded by the stream version.
 * The write matches only the version it read, so two consumers racing on the same
 * document cannot both apply.
 */
export async function applyToStreamDocument<T extends Document>(
  collection: Collection<VersionedDocument<T>>,
  event: EventEnvelope,
  evolve: Evolve<T>,
): Promise<ApplyOutcome> {
  const current = (await collection.findOne({ _id: event.streamId } as never)) as VersionedDocument<T> | null;
  const currentVersion = current?.streamVersion ?? 0;

  if (event.streamVersion <= currentVersion) {
    return 'duplicate';
  }
  if (event.streamVersion !== currentVersion + 1) {
    return 'gap';
  }

  const next = nextStreamDocument(current, event, evolve);

  if (current === null) {
    try {
      await collection.insertOne(next as never);
    } catch (error) {
      if ((error as { code?: number }).code === 11000) {
        return 'duplicate';
      }
      throw error;
    }
    return 'applied';
  }

  const result = await collection.replaceOne({ _id: event.streamId, streamVersion: currentVersion } as never, next as never);
  return result.matchedCount === 1 ? 'applied' : 'duplicate';
}

/** Builds the stream's document as it is after the event, or a tombstone when evolve returns null. */
export function nextStreamDocument<T extends Document>(current: VersionedDocument<T> | null, event: EventEnvelope, evolve: Evolve<T>): VersionedDocument<T> {
  const body = evolve(current && !current.deleted ? stripMetadata(current) : null, event);
  return {
    ...(body ?? {}),
    _id: event.streamId,
    organizationId: event.organizationId,
    streamVersion: event.streamVersion,
    ...(body === null ? { deleted: true } : {}),
  } as VersionedDocument<T>;
}

function stripMetadata<T>(document: VersionedDocument<T>): T {
  const { _id, organizationId, streamVersion, deleted, ...body } = document;
  void _id;
  void organizationId;
  void streamVersion;
  void deleted;
  return body as unknown as T;
}
