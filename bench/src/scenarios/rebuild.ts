import { randomUUID } from 'node:crypto';
import type { Collection, Db } from 'mongodb';
import type { EventEnvelope } from '@regu/contracts';
import {
  applyToStreamDocument,
  commitId,
  MongoEventStore,
  rebuildProjection,
  rebuildStreamDocuments,
  type ApplyOutcome,
  type CommitDocument,
  type Projection,
  type VersionedDocument,
} from '@regu/event-sourcing';
import { acrossRuns, nowMs, type AcrossRuns } from '../load/stats';
import type { ScenarioContext } from './context';
import { round } from './reads';

const EVENTS_PER_STREAM = 10;
const INSERT_BATCH = 1000;

/** A division as the bench's list projection keeps it: enough fields to make each event change the document. */
interface BenchDivisionEntry {
  name: string;
  supervisorId: string;
  agentIds: string[];
  updatedAt: string;
}

export interface RebuildResult {
  events: number;
  streams: number;
  seedEventsPerSecond: number;
  /** rebuildProjection: one read and one write per event, on a smaller store because it is too slow for the full one. */
  eventByEvent: { events: number; eventsPerSecond: AcrossRuns };
  /** rebuildStreamDocuments on every event: streams folded in memory, one insert per 1,000 documents. */
  batched: { eventsPerSecond: AcrossRuns; seconds: number[] };
  /** Reading every commit in replay order and nothing else, measured once: the ceiling of any rebuild on this store. */
  readOnly: { eventsPerSecond: number };
}

/**
 * Scenario 4: seeds division events straight into event-store collections of the
 * bench's own database, then replays them into a division-list-shaped read model with
 * the library's two rebuild paths.
 */
export async function runRebuild(context: ScenarioContext): Promise<RebuildResult> {
  const { settings, baselineDb } = context;
  const store = await emptyStore(baselineDb, 'rebuild_commits');
  const smallStore = await emptyStore(baselineDb, 'rebuild_small_commits');

  const streams = Math.ceil(settings.rebuildEvents / EVENTS_PER_STREAM);
  const seedStart = nowMs();
  await seed(store.commits, streams, settings.rebuildEvents);
  const seedSeconds = (nowMs() - seedStart) / 1000;
  await seed(smallStore.commits, Math.ceil(settings.rebuildEventsOneByOne / EVENTS_PER_STREAM), settings.rebuildEventsOneByOne);
  context.log('rebuild: seeded', { events: settings.rebuildEvents, streams, seconds: round(seedSeconds) });

  const readOnly = await readReplayOrder(store);
  context.log('rebuild: read the commits alone', { eventsPerSecond: round(readOnly) });

  const projection = new BenchDivisionListProjection(baselineDb);
  const eventByEventRates: number[] = [];
  const batchedRates: number[] = [];
  const batchedSeconds: number[] = [];
  for (let run = 0; run < settings.runs; run++) {
    const started = nowMs();
    const replayed = await rebuildProjection(smallStore, projection, ['division']);
    eventByEventRates.push(replayed.events / ((nowMs() - started) / 1000));

    const batchedStart = nowMs();
    const result = await rebuildStreamDocuments(store, { collection: projection.collection, evolve: evolveBenchDivision, reset: () => projection.reset() }, ['division']);
    const batched = (nowMs() - batchedStart) / 1000;
    batchedRates.push(result.events / batched);
    batchedSeconds.push(batched);
    await verifyRebuilt(projection.collection, streams);
    context.log(`rebuild: run ${run + 1}`, { eventByEventPerSecond: round(eventByEventRates[run]), batchedPerSecond: round(batchedRates[run]), batchedSeconds: round(batched) });
  }

  return {
    events: settings.rebuildEvents,
    streams,
    seedEventsPerSecond: settings.rebuildEvents / seedSeconds,
    eventByEvent: { events: settings.rebuildEventsOneByOne, eventsPerSecond: acrossRuns(eventByEventRates) },
    batched: { eventsPerSecond: acrossRuns(batchedRates), seconds: batchedSeconds },
    readOnly: { eventsPerSecond: readOnly },
  };
}

async function emptyStore(db: Db, collectionName: string): Promise<MongoEventStore> {
  const store = new MongoEventStore(db, { collectionName });
  await store.commits.deleteMany({});
  await store.ensureIndexes();
  return store;
}

async function seed(commits: Collection<CommitDocument>, streams: number, total: number): Promise<void> {
  const organizationId = `bench-rebuild-${randomUUID()}`;
  const committedAt = new Date();
  let batch: CommitDocument[] = [];
  let written = 0;
  for (let stream = 0; stream < streams && written < total; stream++) {
    const streamId = randomUUID();
    for (let version = 1; version <= EVENTS_PER_STREAM && written < total; version++) {
      const event = benchEvent(organizationId, streamId, version, committedAt);
      batch.push({ _id: commitId(streamId, version), streamId, streamType: 'division', organizationId, fromVersion: version, toVersion: version, events: [event], committedAt });
      written += 1;
      if (batch.length === INSERT_BATCH) {
        await commits.insertMany(batch, { ordered: false });
        batch = [];
      }
    }
  }
  if (batch.length > 0) {
    await commits.insertMany(batch, { ordered: false });
  }
}

/** Version 1 creates the division; later versions add and remove an agent in turn, as the command scenarios do. */
function benchEvent(organizationId: string, streamId: string, version: number, committedAt: Date): EventEnvelope {
  const members = ['agent-member'];
  const data =
    version === 1
      ? { divisionId: streamId, name: `Division ${streamId.slice(0, 8)}`, supervisorId: 'supervisor', agentIds: members, channelScope: { kind: 'all' } }
      : version % 2 === 0
        ? { divisionId: streamId, addedAgentIds: ['agent-moving'], oldAgentIds: members, newAgentIds: [...members, 'agent-moving'] }
        : { divisionId: streamId, agentId: 'agent-moving', reason: 'removed-by-admin', oldAgentIds: [...members, 'agent-moving'], newAgentIds: members };
  let type = 'AgentRemovedFromDivision';
  if (version === 1) {
    type = 'DivisionCreated';
  } else if (version % 2 === 0) {
    type = 'AgentsAddedToDivision';
  }
  return {
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    streamId,
    streamVersion: version,
    organizationId,
    occurredAt: committedAt.toISOString(),
    correlationId: randomUUID(),
    causationId: randomUUID(),
    actor: { userId: 'bench', role: 'admin' },
    data,
  } as EventEnvelope;
}

export function evolveBenchDivision(current: BenchDivisionEntry | null, event: EventEnvelope): BenchDivisionEntry | null {
  const data = event.data as { name?: string; supervisorId?: string; agentIds?: string[]; newAgentIds?: string[] };
  if (event.type === 'DivisionCreated') {
    return { name: data.name ?? '', supervisorId: data.supervisorId ?? '', agentIds: data.agentIds ?? [], updatedAt: event.occurredAt };
  }
  if (current === null) {
    return null;
  }
  return { ...current, agentIds: data.newAgentIds ?? current.agentIds, updatedAt: event.occurredAt };
}

class BenchDivisionListProjection implements Projection {
  readonly name = 'bench.division-list';
  readonly topics = [];
  readonly collection: Collection<VersionedDocument<BenchDivisionEntry>>;

  constructor(db: Db) {
    this.collection = db.collection<VersionedDocument<BenchDivisionEntry>>('rebuild_division_list');
  }

  apply(event: EventEnvelope): Promise<ApplyOutcome> {
    return applyToStreamDocument<BenchDivisionEntry>(this.collection, event, evolveBenchDivision);
  }

  async reset(): Promise<void> {
    await this.collection.deleteMany({});
  }
}

async function verifyRebuilt(collection: Collection<VersionedDocument<BenchDivisionEntry>>, streams: number): Promise<void> {
  const documents = await collection.countDocuments({});
  if (documents !== streams) {
    throw new Error(`rebuild wrote ${documents} documents for ${streams} streams`);
  }
}

/** Reads the commits as both rebuild paths do, with the same query, sort and batch size, and returns events per second. */
async function readReplayOrder(store: MongoEventStore): Promise<number> {
  const started = nowMs();
  let events = 0;
  const cursor = store.commits.find({ streamType: { $in: ['division'] } }).sort({ streamId: 1, fromVersion: 1 }).batchSize(1000);
  for await (const commit of cursor) {
    events += commit.events.length;
  }
  return events / ((nowMs() - started) / 1000);
}
