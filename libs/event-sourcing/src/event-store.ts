import { randomUUID } from 'node:crypto';
import type { Collection, Db } from 'mongodb';
import { MongoServerError } from 'mongodb';
import type { Actor, EventEnvelope, NewEvent } from '@regu/contracts';
import { StreamVersionConflictError } from './errors';

/**
 * One commit document: the events that one command produced, stored atomically.
 * Its `_id` is `<streamId>:<fromVersion>`, so of two writers appending at the same
 * version only one can insert it: the store needs no transaction and no secondary
 * index to detect a concurrent write.
 */
export interface CommitDocument {
  _id: string;
  streamId: string;
  streamType: string;
  organizationId: string;
  fromVersion: number;
  toVersion: number;
  events: EventEnvelope[];
  committedAt: Date;
}

/**
 * A commit the outbox relay has not published yet. It is written before its commit,
 * so a commit never exists without one; an entry whose commit never appeared (the
 * writer crashed in between) is dropped by the relay after a grace period.
 */
export interface OutboxEntry {
  _id: string;
  streamId: string;
  streamType: string;
  fromVersion: number;
  queuedAt: Date;
}

/**
 * The commits of a stream, as a hint for reading it with `_id` look-ups only. It is
 * updated after each commit and may lag behind; reads follow the chain of commits past it.
 */
interface StreamHead {
  _id: string;
  fromVersions: number[];
}

/** What the caller knows about the command that produced the events. */
export interface AppendMetadata {
  organizationId: string;
  correlationId: string;
  causationId: string;
  actor: Actor;
}

export interface AppendResult {
  /** The stream version after the append: the ETag the client gets back. */
  nextVersion: number;
  events: EventEnvelope[];
}

export interface EventStoreOptions {
  collectionName?: string;
  clock?: () => Date;
  newId?: () => string;
}

export const NO_STREAM = 0;

/** The `_id` of the commit that starts at `fromVersion`. */
export function commitId(streamId: string, fromVersion: number): string {
  return `${streamId}:${fromVersion}`;
}

/**
 * An append-only event store on MongoDB without multi-document transactions: each
 * append writes one commit document, which is atomic on every MongoDB-compatible server.
 *
 * Reads and writes look documents up by `_id` only. FerretDB 1.x with SQLite pushes
 * nothing else down to SQL and scans the whole collection for any other filter, so a
 * store that filtered on `streamId` would slow down with every commit it holds.
 */
export class MongoEventStore {
  readonly commits: Collection<CommitDocument>;
  readonly outbox: Collection<OutboxEntry>;
  private readonly heads: Collection<StreamHead>;
  private readonly clock: () => Date;
  private readonly newId: () => string;

  constructor(db: Db, options: EventStoreOptions = {}) {
    const collectionName = options.collectionName ?? 'commits';
    this.commits = db.collection<CommitDocument>(collectionName);
    this.outbox = db.collection<OutboxEntry>(`${collectionName}_outbox`);
    this.heads = db.collection<StreamHead>(`${collectionName}_stream_heads`);
    this.clock = options.clock ?? (() => new Date());
    this.newId = options.newId ?? randomUUID;
  }

  /** Creates the indexes the store relies on. Safe to call on every start. */
  async ensureIndexes(): Promise<void> {
    // The `_id` already makes (streamId, fromVersion) unique; this index serves replays
    // and ad hoc queries on a real MongoDB.
    await this.commits.createIndex({ streamId: 1, fromVersion: 1 }, { unique: true, name: 'stream_version_unique' });
  }

  /** Returns the events of a stream in order, and the stream's current version (0 if none). */
  async readStream(streamId: string): Promise<{ version: number; events: EventEnvelope[] }> {
    const commits = await this.readCommits(streamId);
    const events = commits.flatMap((commit) => commit.events);
    return { version: events.length, events };
  }

  /** Returns the number of commits not published to Kafka yet, for all streams or the given ones. */
  async pendingCount(streamIds?: readonly string[]): Promise<number> {
    const pending = await this.outbox.find({}, { projection: { streamId: 1 } }).toArray();
    return streamIds === undefined ? pending.length : pending.filter((entry) => streamIds.includes(entry.streamId)).length;
  }

  /**
   * Appends the events of one command at `expectedVersion` (0 for a new stream).
   * Throws StreamVersionConflictError when the stream moved on since the caller read it.
   */
  async append(
    streamType: string,
    streamId: string,
    expectedVersion: number,
    newEvents: NewEvent[],
    metadata: AppendMetadata,
  ): Promise<AppendResult> {
    if (newEvents.length === 0) {
      return { nextVersion: expectedVersion, events: [] };
    }

    const currentVersion = await this.currentVersion(streamId);
    if (currentVersion !== expectedVersion) {
      throw new StreamVersionConflictError(streamId, expectedVersion, currentVersion);
    }

    const committedAt = this.clock();
    const fromVersion = expectedVersion + 1;
    const events = newEvents.map((event, index) => this.toEnvelope(event, streamId, fromVersion + index, committedAt, metadata));
    const commit: CommitDocument = {
      _id: commitId(streamId, fromVersion),
      streamId,
      streamType,
      organizationId: metadata.organizationId,
      fromVersion,
      toVersion: expectedVersion + events.length,
      events,
      committedAt,
    };

    // The outbox entry goes first: a crash after it leaves an entry the relay drops,
    // while a crash after the commit alone would leave a commit nobody publishes.
    // Two racing writers share the entry, which names the same _id as the winner's commit.
    await this.queueInOutbox({ _id: commit._id, streamId, streamType, fromVersion, queuedAt: committedAt });
    try {
      await this.commits.insertOne(commit);
    } catch (error) {
      if (isDuplicateKeyError(error)) {
        // Another writer appended at the same version between our read and our write.
        throw new StreamVersionConflictError(streamId, expectedVersion, await this.currentVersion(streamId));
      }
      throw error;
    }

    // A failed head update costs readers one more look-up; the chain of commits stays complete.
    await this.heads.updateOne({ _id: streamId }, { $addToSet: { fromVersions: fromVersion } }, { upsert: true }).catch(() => undefined);

    return { nextVersion: commit.toVersion, events };
  }

  private async queueInOutbox(entry: OutboxEntry): Promise<void> {
    try {
      const { _id, ...fields } = entry;
      await this.outbox.updateOne({ _id }, { $setOnInsert: fields }, { upsert: true });
    } catch (error) {
      // Two upserts of one _id can race; the loser's entry is already there.
      if (!isDuplicateKeyError(error)) {
        throw error;
      }
    }
  }

  private async currentVersion(streamId: string): Promise<number> {
    const commits = await this.readCommits(streamId);
    return commits[commits.length - 1]?.toVersion ?? NO_STREAM;
  }

  /**
   * Reads the commits the head lists, in parallel, then follows the chain from the last
   * one (each commit names the next by its toVersion) until a commit is missing.
   */
  private async readCommits(streamId: string): Promise<CommitDocument[]> {
    const head = await this.heads.findOne({ _id: streamId });
    const hinted = [...(head?.fromVersions ?? [])].sort((a, b) => a - b);
    const found = await Promise.all(hinted.map((fromVersion) => this.commits.findOne({ _id: commitId(streamId, fromVersion) })));

    const commits: CommitDocument[] = [];
    for (const commit of found) {
      const expectedFrom = (commits[commits.length - 1]?.toVersion ?? 0) + 1;
      if (commit === null || commit.fromVersion !== expectedFrom) {
        break;
      }
      commits.push(commit);
    }

    for (;;) {
      const next = await this.commits.findOne({ _id: commitId(streamId, (commits[commits.length - 1]?.toVersion ?? 0) + 1) });
      if (next === null) {
        return commits;
      }
      commits.push(next);
    }
  }

  private toEnvelope(event: NewEvent, streamId: string, streamVersion: number, committedAt: Date, metadata: AppendMetadata): EventEnvelope {
    return {
      eventId: this.newId(),
      type: event.type,
      schemaVersion: event.schemaVersion ?? 1,
      streamId,
      streamVersion,
      organizationId: metadata.organizationId,
      occurredAt: committedAt.toISOString(),
      correlationId: metadata.correlationId,
      causationId: metadata.causationId,
      actor: metadata.actor,
      data: event.data,
    };
  }
}

function isDuplicateKeyError(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === 11000;
}
