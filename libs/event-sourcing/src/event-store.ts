import { randomUUID } from 'node:crypto';
import type { Collection, Db } from 'mongodb';
import { MongoServerError } from 'mongodb';
import type { Actor, EventEnvelope, NewEvent } from '@regu/contracts';
import { StreamVersionConflictError } from './errors';

/**
 * One commit document: the events that one command produced, stored atomically.
 * `fromVersion` is the stream version of the first event; the unique index on
 * `(streamId, fromVersion)` lets only one of two concurrent writers win.
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
  published: boolean;
  publishedAt?: Date;
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

/**
 * An append-only event store on MongoDB without multi-document transactions: each
 * append writes one commit document, which is atomic on every MongoDB-compatible server.
 */
export class MongoEventStore {
  readonly commits: Collection<CommitDocument>;
  private readonly clock: () => Date;
  private readonly newId: () => string;

  constructor(db: Db, options: EventStoreOptions = {}) {
    this.commits = db.collection<CommitDocument>(options.collectionName ?? 'commits');
    this.clock = options.clock ?? (() => new Date());
    this.newId = options.newId ?? randomUUID;
  }

  /** Creates the indexes the store relies on. Safe to call on every start. */
  async ensureIndexes(): Promise<void> {
    await this.commits.createIndex({ streamId: 1, fromVersion: 1 }, { unique: true, name: 'stream_version_unique' });
    await this.commits.createIndex({ published: 1, streamId: 1, fromVersion: 1 }, { name: 'outbox_pending' });
    await this.commits.createIndex({ committedAt: 1, streamId: 1, fromVersion: 1 }, { name: 'replay_order' });
  }

  /** Returns the events of a stream in order, and the stream's current version (0 if none). */
  async readStream(streamId: string): Promise<{ version: number; events: EventEnvelope[] }> {
    const commits = await this.commits.find({ streamId }).sort({ fromVersion: 1 }).toArray();
    const events = commits.flatMap((commit) => commit.events);
    return { version: events.length, events };
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
    const events = newEvents.map((event, index) => this.toEnvelope(event, streamId, expectedVersion + index + 1, committedAt, metadata));
    const commit: CommitDocument = {
      _id: this.newId(),
      streamId,
      streamType,
      organizationId: metadata.organizationId,
      fromVersion: expectedVersion + 1,
      toVersion: expectedVersion + events.length,
      events,
      committedAt,
      published: false,
    };

    try {
      await this.commits.insertOne(commit);
    } catch (error) {
      if (isDuplicateKeyError(error)) {
        // Another writer appended at the same version between our read and our write.
        throw new StreamVersionConflictError(streamId, expectedVersion, await this.currentVersion(streamId));
      }
      throw error;
    }

    return { nextVersion: commit.toVersion, events };
  }

  private async currentVersion(streamId: string): Promise<number> {
    const last = await this.commits.find({ streamId }, { projection: { toVersion: 1 } }).sort({ fromVersion: -1 }).limit(1).next();
    return last?.toVersion ?? NO_STREAM;
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
