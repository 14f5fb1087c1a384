import type { Collection, Document } from 'mongodb';
import type { MongoEventStore } from './event-store';
import type { Projection } from './projection-runner';
import { nextStreamDocument, type Evolve, type VersionedDocument } from './versioned-read-model';

export interface RebuildResult {
  events: number;
  applied: number;
}

/**
 * Drops a projection's read model and replays the event store into it, stream by
 * stream in version order. Run it with the projection's consumer stopped, or the
 * two race on the same documents (safely, but the consumer's work is wasted).
 */
export async function rebuildProjection(store: MongoEventStore, projection: Projection, streamTypes: readonly string[]): Promise<RebuildResult> {
  await projection.reset();

  let events = 0;
  let applied = 0;
  const cursor = store.commits.find({ streamType: { $in: [...streamTypes] } }).sort({ streamId: 1, fromVersion: 1 });
  for await (const commit of cursor) {
    for (const event of commit.events) {
      events += 1;
      if ((await projection.apply(event)) === 'applied') {
        applied += 1;
      }
    }
  }
  return { events, applied };
}

/** The read model of a projection that keeps one versioned document per stream, as rebuildStreamDocuments writes it. */
export interface StreamDocumentTarget<T extends Document> {
  collection: Collection<VersionedDocument<T>>;
  evolve: Evolve<T>;
  /** Drops the read model, before the replay. */
  reset(): Promise<void>;
}

export interface RebuildStreamDocumentsOptions {
  /** Documents written per insertMany, and commits read per cursor batch. */
  batchSize?: number;
}

/**
 * Rebuilds a one-document-per-stream read model like rebuildProjection does, but folds
 * each stream in memory and writes its final document once, in batches, instead of one
 * read and one write per event. The outcome per event is the one applyToStreamDocument
 * gives: a duplicate is skipped, and after a gap the rest of the stream is not applied.
 */
export async function rebuildStreamDocuments<T extends Document>(
  store: MongoEventStore,
  target: StreamDocumentTarget<T>,
  streamTypes: readonly string[],
  options: RebuildStreamDocumentsOptions = {},
): Promise<RebuildResult> {
  const batchSize = options.batchSize ?? 1000;
  await target.reset();

  let events = 0;
  let applied = 0;
  let pending: VersionedDocument<T>[] = [];
  let current: VersionedDocument<T> | null = null;
  let currentStreamId: string | undefined;
  let streamBroken = false;

  const finishStream = async (): Promise<void> => {
    if (current !== null) {
      pending.push(current);
    }
    if (pending.length >= batchSize) {
      await target.collection.insertMany(pending as never[], { ordered: false });
      pending = [];
    }
  };

  const cursor = store.commits.find({ streamType: { $in: [...streamTypes] } }).sort({ streamId: 1, fromVersion: 1 }).batchSize(batchSize);
  for await (const commit of cursor) {
    if (commit.streamId !== currentStreamId) {
      await finishStream();
      current = null;
      currentStreamId = commit.streamId;
      streamBroken = false;
    }
    for (const event of commit.events) {
      events += 1;
      const version = current?.streamVersion ?? 0;
      if (streamBroken || event.streamVersion <= version) {
        continue;
      }
      if (event.streamVersion !== version + 1) {
        streamBroken = true;
        continue;
      }
      current = nextStreamDocument(current, event, target.evolve);
      applied += 1;
    }
  }
  await finishStream();
  if (pending.length > 0) {
    await target.collection.insertMany(pending as never[], { ordered: false });
  }
  return { events, applied };
}
