import type { Collection, Db } from 'mongodb';
import { Partitioners, type Consumer, type Kafka, type KafkaMessage, type Producer } from 'kafkajs';
import { deadLetterTopic, type EventEnvelope } from '@regu/contracts';
import type { ApplyOutcome } from './versioned-read-model';
import { type EventSourcingLogger, silentLogger } from './logger';

/**
 * A read model fed by events. `apply` must be idempotent per stream version:
 * it returns `duplicate` for an event it already applied and `gap` for one that
 * arrived before its predecessor, and changes nothing in both cases.
 */
export interface Projection {
  /** Unique name; also the Kafka consumer group, so each projection has its own offsets. */
  readonly name: string;
  readonly topics: readonly string[];
  apply(event: EventEnvelope): Promise<ApplyOutcome>;
  /** Drops the read model, before a rebuild. */
  reset(): Promise<void>;
}

export interface ProjectionRunnerOptions {
  /** Tries per event before it goes to the dead-letter topic. */
  maxAttempts?: number;
  retryBackoffMs?: number;
  fromBeginning?: boolean;
  logger?: EventSourcingLogger;
}

interface ParkedEvent {
  _id: string;
  projection: string;
  streamId: string;
  streamVersion: number;
  event: EventEnvelope;
  parkedAt: Date;
}

/**
 * Runs one projection as one Kafka consumer group. Offsets are committed only after
 * the read-model writes of the batch; an event that keeps failing goes to the
 * dead-letter topic and the partition moves on; an event after a gap is parked
 * and applied once the missing event arrives.
 */
export class ProjectionRunner {
  private readonly consumer: Consumer;
  private readonly producer: Producer;
  private readonly parked: Collection<ParkedEvent>;
  private readonly maxAttempts: number;
  private readonly retryBackoffMs: number;
  private readonly logger: EventSourcingLogger;
  readonly deadLetterTopic: string;

  constructor(
    private readonly projection: Projection,
    kafka: Kafka,
    db: Db,
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.consumer = kafka.consumer({ groupId: projection.name, allowAutoTopicCreation: true });
    this.producer = kafka.producer({ allowAutoTopicCreation: true, createPartitioner: Partitioners.DefaultPartitioner });
    this.parked = db.collection<ParkedEvent>('projection_parked_events');
    this.maxAttempts = options.maxAttempts ?? 5;
    this.retryBackoffMs = options.retryBackoffMs ?? 100;
    this.logger = options.logger ?? silentLogger;
    this.deadLetterTopic = deadLetterTopic(projection.name);
  }

  async start(): Promise<void> {
    await this.parked.createIndex({ projection: 1, streamId: 1, streamVersion: 1 });
    await this.producer.connect();
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [...this.projection.topics], fromBeginning: this.options.fromBeginning ?? true });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
        for (const message of batch.messages) {
          if (!isRunning() || isStale()) {
            break;
          }
          await this.handleMessage(batch.topic, batch.partition, message);
          resolveOffset(message.offset);
          await heartbeat();
        }
        const last = batch.messages[batch.messages.length - 1];
        if (last !== undefined && !isStale()) {
          await this.consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: (BigInt(last.offset) + 1n).toString() }]);
        }
      },
    });
    this.logger.info({ projection: this.projection.name, topics: this.projection.topics }, 'projection started');
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
    await this.producer.disconnect();
  }

  private async handleMessage(topic: string, partition: number, message: KafkaMessage): Promise<void> {
    const fields = { projection: this.projection.name, topic, partition, offset: message.offset };

    let event: EventEnvelope;
    try {
      event = JSON.parse(message.value?.toString() ?? '') as EventEnvelope;
    } catch (error) {
      await this.sendToDeadLetter(topic, partition, message, error);
      return;
    }

    for (let attempt = 1; ; attempt++) {
      try {
        await this.applyWithParking(event);
        return;
      } catch (error) {
        if (attempt >= this.maxAttempts) {
          this.logger.error({ ...fields, streamId: event.streamId, eventType: event.type, attempts: attempt, err: error }, 'event keeps failing; sent to the dead-letter topic');
          await this.sendToDeadLetter(topic, partition, message, error);
          return;
        }
        this.logger.warn({ ...fields, streamId: event.streamId, eventType: event.type, attempt, err: error }, 'projection failed to apply event; retrying');
        await sleep(this.retryBackoffMs * 2 ** (attempt - 1));
      }
    }
  }

  private async applyWithParking(event: EventEnvelope): Promise<void> {
    const outcome = await this.projection.apply(event);

    if (outcome === 'gap') {
      await this.park(event);
      return;
    }
    if (outcome === 'applied') {
      await this.applyParkedSuccessors(event.streamId, event.streamVersion);
    }
  }

  private async park(event: EventEnvelope): Promise<void> {
    const id = `${this.projection.name}:${event.streamId}:${event.streamVersion}`;
    await this.parked.updateOne(
      { _id: id },
      { $setOnInsert: { projection: this.projection.name, streamId: event.streamId, streamVersion: event.streamVersion, event, parkedAt: new Date() } },
      { upsert: true },
    );
    this.logger.warn({ projection: this.projection.name, streamId: event.streamId, streamVersion: event.streamVersion, eventType: event.type }, 'event arrived before its predecessor; parked');
  }

  /** Applies parked events that follow `version` in the stream, in order, until the next gap. */
  private async applyParkedSuccessors(streamId: string, version: number): Promise<void> {
    let next = version + 1;
    for (;;) {
      const parked = await this.parked.findOne({ projection: this.projection.name, streamId, streamVersion: next });
      if (parked === null) {
        return;
      }
      const outcome = await this.projection.apply(parked.event);
      if (outcome === 'gap') {
        return;
      }
      await this.parked.deleteOne({ _id: parked._id });
      next += 1;
    }
  }

  private async sendToDeadLetter(topic: string, partition: number, message: KafkaMessage, error: unknown): Promise<void> {
    await this.producer.send({
      topic: this.deadLetterTopic,
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            ...message.headers,
            sourceTopic: topic,
            sourcePartition: String(partition),
            sourceOffset: message.offset,
            error: error instanceof Error ? error.message : String(error),
          },
        },
      ],
    });
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
