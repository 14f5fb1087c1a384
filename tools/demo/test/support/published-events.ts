import { TOPICS, validateEvent, type EventValidationError } from '@regu/contracts';
import { uniqueName } from '@regu/testing';
import { Kafka, logLevel } from 'kafkajs';

/** An event as it was read from Kafka, with where it was read. */
export interface PublishedEvent {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: any;
}

/** Field names whose values are secrets and must never appear in a published event. */
export const SECRET_FIELD_NAMES = ['token', 'password', 'passwordHash', 'accessToken', 'refreshToken'];

export function kafkaBrokers(): string[] {
  return (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
}

/**
 * Reads every Regu topic from the beginning with a new consumer group, up to the end
 * offsets taken when the read starts, and returns the events of `organizationIds`.
 */
export async function readPublishedEvents(organizationIds: ReadonlySet<string>, timeoutMs = 60_000): Promise<PublishedEvent[]> {
  const kafka = new Kafka({ clientId: 'regu-e2e-event-reader', brokers: kafkaBrokers(), logLevel: logLevel.WARN });
  const topics = Object.values(TOPICS);
  const admin = kafka.admin();
  await admin.connect();
  const remaining = new Map<string, bigint>();
  try {
    for (const topic of topics) {
      for (const partition of await admin.fetchTopicOffsets(topic)) {
        if (BigInt(partition.high) > BigInt(partition.low)) {
          remaining.set(`${topic}:${partition.partition}`, BigInt(partition.high) - 1n);
        }
      }
    }
  } finally {
    await admin.disconnect();
  }

  const events: PublishedEvent[] = [];
  const consumer = kafka.consumer({ groupId: uniqueName('regu-e2e-event-reader') });
  await consumer.connect();
  try {
    let done!: () => void;
    const reachedEnd = new Promise<void>((resolve) => (done = resolve));
    if (remaining.size === 0) {
      done();
    }

    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const value = JSON.parse(message.value?.toString() ?? 'null');
        if (organizationIds.has(value?.organizationId)) {
          events.push({ topic, partition, offset: message.offset, key: message.key?.toString() ?? null, value });
        }
        const key = `${topic}:${partition}`;
        const last = remaining.get(key);
        if (last !== undefined && BigInt(message.offset) >= last) {
          remaining.delete(key);
          if (remaining.size === 0) {
            done();
          }
        }
      },
    });

    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`reading the topics timed out after ${timeoutMs} ms; partitions not read to the end: ${[...remaining.keys()].join(', ')}`)), timeoutMs);
    });
    await Promise.race([reachedEnd, timedOut]).finally(() => clearTimeout(timer));
  } finally {
    await consumer.disconnect();
  }
  return events;
}

/** Returns every path in `value`, at any depth, whose field name is a secret's. */
export function secretFieldPaths(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => secretFieldPaths(item, `${path}/${index}`));
  }
  if (value === null || typeof value !== 'object') {
    return [];
  }
  return Object.entries(value).flatMap(([name, child]) => [
    ...(SECRET_FIELD_NAMES.includes(name) ? [`${path}/${name}`] : []),
    ...secretFieldPaths(child, `${path}/${name}`),
  ]);
}

/** A problem found in one published event, in a shape that prints readably in a failed assertion. */
export interface EventProblem {
  event: string;
  errors?: EventValidationError[];
  secretFields?: string[];
  keyMismatch?: { key: string | null; streamId: string };
}

/**
 * Checks each event against its schema with validateEvent, looks for secret fields at
 * any depth, and checks that the message key is the stream id. Returns the problems,
 * so an empty list means every event passed.
 */
export function problemsOf(events: readonly PublishedEvent[]): EventProblem[] {
  const problems: EventProblem[] = [];
  for (const { topic, partition, offset, key, value } of events) {
    const event = `${value?.type} ${value?.streamId} v${value?.streamVersion} (${topic}/${partition}@${offset})`;
    const validation = validateEvent(value);
    if (!validation.valid) {
      problems.push({ event, errors: validation.errors });
    }
    const secretFields = secretFieldPaths(value);
    if (secretFields.length > 0) {
      problems.push({ event, secretFields });
    }
    if (key !== value?.streamId) {
      problems.push({ event, keyMismatch: { key, streamId: value?.streamId } });
    }
  }
  return problems;
}
