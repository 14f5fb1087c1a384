import { randomUUID } from 'node:crypto';

export interface TestInfrastructure {
  kafkaBrokers: string;
  mongoUrl: string;
  /** Stops what this module started; a no-op for servers taken from the environment. */
  stop(): Promise<void>;
}

let shared: Promise<TestInfrastructure> | undefined;

/**
 * Returns the Kafka and MongoDB that integration tests run against:
 * KAFKA_BROKERS and MONGO_URL when both are set; otherwise containers started with
 * testcontainers when a Docker engine answers; otherwise it fails and says what to run.
 */
export function testInfrastructure(): Promise<TestInfrastructure> {
  shared ??= resolveInfrastructure();
  return shared;
}

async function resolveInfrastructure(): Promise<TestInfrastructure> {
  const { KAFKA_BROKERS: kafkaBrokers, MONGO_URL: mongoUrl } = process.env;
  if (kafkaBrokers && mongoUrl) {
    return { kafkaBrokers, mongoUrl, stop: async () => undefined };
  }

  if (await dockerAnswers()) {
    return startContainers();
  }

  throw new Error(
    'Integration tests need Kafka and MongoDB: set KAFKA_BROKERS and MONGO_URL, ' +
      'or run `npm run infra:up` and export KAFKA_BROKERS=127.0.0.1:9092 MONGO_URL=mongodb://127.0.0.1:27017, ' +
      'or start a Docker engine so testcontainers can start them.',
  );
}

async function dockerAnswers(): Promise<boolean> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

async function startContainers(): Promise<TestInfrastructure> {
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const { MongoDBContainer } = await import('@testcontainers/mongodb');

  const [kafka, mongo] = await Promise.all([
    new KafkaContainer('confluentinc/cp-kafka:7.9.0').withKraft().start(),
    new MongoDBContainer('mongo:7.0').start(),
  ]);

  return {
    kafkaBrokers: `${kafka.getHost()}:${kafka.getMappedPort(9093)}`,
    mongoUrl: `${mongo.getConnectionString()}?directConnection=true`,
    stop: async () => {
      await Promise.all([kafka.stop(), mongo.stop()]);
    },
  };
}

/** A database name no other test uses, so tests never see each other's documents. */
export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
}

/** A topic or consumer-group name no other test uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}.${randomUUID().slice(0, 8)}`;
}
