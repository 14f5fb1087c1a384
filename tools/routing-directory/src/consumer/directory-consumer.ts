import { upcastEvent, validateEvent, type EventEnvelope } from '@regu/contracts';
import { Partitioners, type Consumer, type Kafka, type KafkaMessage, type Producer } from 'kafkajs';
import type { Logger } from 'pino';
import { DIRECTORY_TOPICS, type DirectoryStore } from '../directory/directory.store';

export interface DirectoryConsumerOptions {
  /** Kafka consumer group; its committed offsets are where a restart resumes. */
  groupId: string;
  /** Only events of these organizations are applied; every organization when empty. */
  organizationIds?: ReadonlySet<string>;
  /** Tries per event before it goes to `<groupId>.dead-letter`. */
  maxAttempts?: number;
  retryBackoffMs?: number;
  logger: Logger;
}

/**
 * Feeds Regu's user, division, settings and channel events into a `DirectoryStore`.
 * Offsets are committed only after the store's writes, so a crash redelivers events,
 * which the store's per-stream versions turn into no-ops. An event that is not JSON,
 * fails validation or keeps failing goes to the dead-letter topic and the partition moves on.
 */
export class DirectoryConsumer {
  private readonly consumer: Consumer;
  private readonly producer: Producer;
  private readonly deadLetterTopic: string;

  constructor(
    private readonly kafka: Kafka,
    private readonly store: DirectoryStore,
    private readonly options: DirectoryConsumerOptions,
  ) {
    this.consumer = kafka.consumer({ groupId: options.groupId });
    this.producer = kafka.producer({ allowAutoTopicCreation: true, createPartitioner: Partitioners.DefaultPartitioner });
    this.deadLetterTopic = `${options.groupId}.dead-letter`;
  }

  async start(): Promise<void> {
    await this.store.ensureIndexes();
    await this.producer.connect();
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [...DIRECTORY_TOPICS], fromBeginning: true });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
        let lastHandled: string | undefined;
        for (const message of batch.messages) {
          if (!isRunning() || isStale()) {
            break;
          }
          await this.handle(batch.topic, batch.partition, message);
          resolveOffset(message.offset);
          lastHandled = message.offset;
          await heartbeat();
        }
        if (lastHandled !== undefined && !isStale()) {
          const offset = (BigInt(lastHandled) + 1n).toString();
          await this.consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset }]);
        }
      },
    });
    this.options.logger.info({ groupId: this.options.groupId, topics: DIRECTORY_TOPICS }, 'routing directory consumer started');
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
    await this.producer.disconnect();
    this.options.logger.info({ groupId: this.options.groupId }, 'routing directory consumer stopped');
  }

  private async handle(topic: string, partition: number, message: KafkaMessage): Promise<void> {
    const fields = { topic, partition, offset: message.offset };

    let parsed: unknown;
    try {
      parsed = JSON.parse(message.value?.toString() ?? '');
    } catch (error) {
      await this.sendToDeadLetter(topic, partition, message, 'message value is not JSON', fields);
      return;
    }

    const organizationId = (parsed as { organizationId?: unknown } | null)?.organizationId;
    const { organizationIds } = this.options;
    if (organizationIds !== undefined && organizationIds.size > 0 && !organizationIds.has(String(organizationId))) {
      return;
    }

    const validation = validateEvent(parsed);
    if (!validation.valid) {
      const reason = validation.errors.map((error) => `${error.path || '/'} ${error.message}`).join('; ');
      await this.sendToDeadLetter(topic, partition, message, `invalid event: ${reason}`, fields);
      return;
    }

    await this.applyWithRetries(topic, upcastEvent(validation.event), partition, message, fields);
  }

  private async applyWithRetries(topic: string, event: EventEnvelope, partition: number, message: KafkaMessage, fields: object): Promise<void> {
    const maxAttempts = this.options.maxAttempts ?? 5;
    const eventFields = { ...fields, organizationId: event.organizationId, streamId: event.streamId, eventType: event.type };

    for (let attempt = 1; ; attempt++) {
      try {
        const outcome = await this.store.apply(topic as (typeof DIRECTORY_TOPICS)[number], event);
        this.options.logger.debug({ ...eventFields, streamVersion: event.streamVersion, outcome }, 'event handled');
        return;
      } catch (error) {
        if (attempt >= maxAttempts) {
          this.options.logger.error({ ...eventFields, attempts: attempt, err: error }, 'event keeps failing; sent to the dead-letter topic');
          await this.sendToDeadLetter(topic, partition, message, error instanceof Error ? error.message : String(error), eventFields);
          return;
        }
        this.options.logger.warn({ ...eventFields, attempt, err: error }, 'failed to apply event; retrying');
        await new Promise((resolve) => setTimeout(resolve, (this.options.retryBackoffMs ?? 100) * 2 ** (attempt - 1)));
      }
    }
  }

  private async sendToDeadLetter(topic: string, partition: number, message: KafkaMessage, reason: string, fields: object): Promise<void> {
    this.options.logger.error({ ...fields, deadLetterTopic: this.deadLetterTopic, reason }, 'event sent to the dead-letter topic');
    await this.producer.send({
      topic: this.deadLetterTopic,
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: { ...message.headers, sourceTopic: topic, sourcePartition: String(partition), sourceOffset: message.offset, error: reason },
        },
      ],
    });
  }
}
