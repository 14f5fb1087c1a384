import { Kafka, logLevel } from 'kafkajs';

/** Creates the kafkajs client for a service; `brokers` is the comma-separated KAFKA_BROKERS. */
export function createKafka(clientId: string, brokers: string): Kafka {
  return new Kafka({
    clientId,
    brokers: brokers.split(',').map((broker) => broker.trim()).filter(Boolean),
    logLevel: logLevel.WARN,
    retry: { initialRetryTime: 200, retries: 8 },
  });
}

/** Creates topics that do not exist yet; existing ones are left as they are. */
export async function ensureTopics(kafka: Kafka, topics: readonly string[], numPartitions = 3, replicationFactor = 1): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      await admin.createTopics({ waitForLeaders: true, topics: missing.map((topic) => ({ topic, numPartitions, replicationFactor })) });
    }
  } finally {
    await admin.disconnect();
  }
}
