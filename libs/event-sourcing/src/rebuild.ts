import type { MongoEventStore } from './event-store';
import type { Projection } from './projection-runner';

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
