import { hostname } from 'node:os';
import type { Collection, Db } from 'mongodb';
import { Partitioners, type Kafka, type Message, type Producer } from 'kafkajs';
import type { EventEnvelope } from '@regu/contracts';
import type { CommitDocument, MongoEventStore, OutboxEntry } from './event-store';
import { type EventSourcingLogger, silentLogger } from './logger';

export interface OutboxRelayOptions {
  /** Maps a commit's stream type to its Kafka topic. */
  topicFor: (streamType: string) => string;
  /** How often to look for pending commits when `notify()` was not called. */
  pollIntervalMs?: number;
  /** The maximum number of commits published in one Kafka request. */
  batchSize?: number;
  /** Name of the lease that makes one relay per service publish at a time. */
  leaseName?: string;
  leaseTtlMs?: number;
  /** How long an outbox entry may wait for its commit before the relay takes the writer for crashed. */
  abandonedEntryGraceMs?: number;
  logger?: EventSourcingLogger;
}

interface LeaseDocument {
  _id: string;
  owner: string;
  expiresAt: Date;
}

/**
 * Publishes the event store's unpublished commits to Kafka, stream by stream in
 * version order, and removes a commit's outbox entry only after Kafka acknowledged it.
 * While the broker is unreachable, commits stay pending and go out once it is back.
 */
export class OutboxRelay {
  private readonly producer: Producer;
  private readonly leases: Collection<LeaseDocument>;
  private readonly owner = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2)}`;
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private readonly leaseName: string;
  private readonly leaseTtlMs: number;
  private readonly logger: EventSourcingLogger;
  private running = false;
  private producerConnected = false;
  private wakeUp: (() => void) | undefined;
  /** Flag that notify() sets, so a notification that arrives during a publish, when no sleep is pending, is not lost. */
  private wakeRequested = false;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly store: MongoEventStore,
    db: Db,
    kafka: Kafka,
    private readonly options: OutboxRelayOptions,
  ) {
    // Idempotence makes the broker drop the duplicates that producer retries would create;
    // one request in flight keeps a retried batch from overtaking the next one.
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: true,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.leases = db.collection<LeaseDocument>('outbox_leases');
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.batchSize = options.batchSize ?? 200;
    this.leaseName = options.leaseName ?? 'outbox-relay';
    this.leaseTtlMs = options.leaseTtlMs ?? 10_000;
    this.logger = options.logger ?? silentLogger;
  }

  start(): void {
    if (this.running) {
      return;
    }
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wakeUp?.();
    await this.loop;
    await this.releaseLease();
    if (this.producerConnected) {
      await this.producer.disconnect();
      this.producerConnected = false;
    }
  }

  /** Publishes at once instead of at the next poll; call it after an append. */
  notify(): void {
    this.wakeRequested = true;
    this.wakeUp?.();
  }

  /**
   * Publishes the commits pending when it is called, batch by batch, until a batch
   * comes back smaller than `batchSize` or a publish fails. Returns how many commits
   * were published. Commits appended meanwhile go out at the next call.
   */
  async publishPending(): Promise<number> {
    let published = 0;
    for (;;) {
      // The outbox contains only pending commits, so reading all of it stays cheap even on a
      // store that scans whole collections. Sorting here keeps each stream in version order.
      const entries = (await this.store.outbox.find({}).toArray()).sort(byStreamAndVersion).slice(0, this.batchSize);
      if (entries.length === 0) {
        return published;
      }

      const commits = await this.loadCommits(entries);
      if (commits.length > 0) {
        await this.publishBatch(commits);
        published += commits.length;
      }
      // A short batch was everything that was pending; so was one that found nothing to publish.
      if (entries.length < this.batchSize || commits.length === 0) {
        return published;
      }
    }
  }

  /**
   * Returns the commits of the entries in stream order. A missing commit is still being
   * written, or its writer crashed; either way the stream waits there, and an entry
   * older than the grace period is dropped.
   */
  private async loadCommits(entries: OutboxEntry[]): Promise<CommitDocument[]> {
    const found = await Promise.all(entries.map((entry) => this.store.commits.findOne({ _id: entry._id })));
    const commits: CommitDocument[] = [];
    const blockedStreams = new Set<string>();

    for (const [index, entry] of entries.entries()) {
      const commit = found[index] ?? null;
      if (blockedStreams.has(entry.streamId)) {
        continue;
      }
      if (commit === null) {
        blockedStreams.add(entry.streamId);
        await this.dropIfAbandoned(entry);
        continue;
      }
      commits.push(commit);
    }
    return commits;
  }

  private async dropIfAbandoned(entry: OutboxEntry): Promise<void> {
    if (Date.now() - entry.queuedAt.getTime() < (this.options.abandonedEntryGraceMs ?? 60_000)) {
      return;
    }
    await this.store.outbox.deleteOne({ _id: entry._id });
    this.logger.warn({ streamId: entry.streamId, fromVersion: entry.fromVersion }, 'dropped an outbox entry whose commit was never written');
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.wakeRequested = false;
      try {
        if (await this.acquireLease()) {
          await this.ensureProducer();
          const published = await this.publishPending();
          if (published > 0) {
            this.logger.debug({ published }, 'outbox relay published commits');
          }
        }
      } catch (error) {
        this.producerConnected = false;
        this.logger.warn({ err: error }, 'outbox relay could not publish; commits stay pending and are retried');
        await this.producer.disconnect().catch(() => undefined);
      }
      await this.sleep(this.pollIntervalMs);
    }
  }

  private async publishBatch(batch: CommitDocument[]): Promise<void> {
    const messagesByTopic = new Map<string, Message[]>();
    // The batch is sorted by stream and version, and Kafka keeps that order per partition.
    for (const commit of batch) {
      const topic = this.options.topicFor(commit.streamType);
      const messages = messagesByTopic.get(topic) ?? [];
      messages.push(...commit.events.map(toKafkaMessage));
      messagesByTopic.set(topic, messages);
    }

    await this.producer.sendBatch({
      acks: -1,
      topicMessages: [...messagesByTopic].map(([topic, messages]) => ({ topic, messages })),
    });

    await this.store.outbox.deleteMany({ _id: { $in: batch.map((commit) => commit._id) } });
  }

  private async ensureProducer(): Promise<void> {
    if (!this.producerConnected) {
      await this.producer.connect();
      this.producerConnected = true;
    }
  }

  /** Takes or renews the lease; only its holder publishes, so replicas never interleave a stream. */
  private async acquireLease(): Promise<boolean> {
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.leaseTtlMs);
    try {
      const result = await this.leases.updateOne(
        { _id: this.leaseName, $or: [{ owner: this.owner }, { expiresAt: { $lt: now } }] },
        { $set: { owner: this.owner, expiresAt } },
        { upsert: true },
      );
      return result.matchedCount + result.upsertedCount > 0;
    } catch (error) {
      // The upsert collides with the lease document of another live owner.
      if ((error as { code?: number }).code === 11000) {
        return false;
      }
      throw error;
    }
  }

  private async releaseLease(): Promise<void> {
    await this.leases.deleteOne({ _id: this.leaseName, owner: this.owner }).catch(() => undefined);
  }

  private sleep(ms: number): Promise<void> {
    if (this.wakeRequested) {
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wakeUp = undefined;
        resolve();
      }, ms);
      this.wakeUp = () => {
        this.wakeUp = undefined;
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

function byStreamAndVersion(a: OutboxEntry, b: OutboxEntry): number {
  if (a.streamId === b.streamId) {
    return a.fromVersion - b.fromVersion;
  }
  return a.streamId < b.streamId ? -1 : 1;
}

function toKafkaMessage(event: EventEnvelope): Message {
  return {
    key: event.streamId,
    value: JSON.stringify(event),
    headers: {
      eventType: event.type,
      schemaVersion: String(event.schemaVersion),
      correlationId: event.correlationId,
      organizationId: event.organizationId,
    },
  };
}
