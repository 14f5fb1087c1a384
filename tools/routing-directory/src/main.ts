import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import pino from 'pino';
import { DirectoryConsumer } from './consumer/directory-consumer';
import { DirectoryStore } from './directory/directory.store';
import { readEnvironment } from './routing-directory.environment';

async function main(): Promise<void> {
  const environment = readEnvironment();
  const logger = pino({ name: 'routing-directory', level: environment.logLevel });

  const mongo = await MongoClient.connect(environment.mongoUrl);
  const kafka = new Kafka({ clientId: 'routing-directory', brokers: environment.kafkaBrokers, logLevel: logLevel.WARN });
  const consumer = new DirectoryConsumer(kafka, new DirectoryStore(mongo.db(environment.database)), {
    groupId: environment.groupId,
    organizationIds: environment.organizationIds,
    logger,
  });

  const shutdown = async (signal: string): Promise<void> => {
    logger.info({ signal }, 'stopping');
    await consumer.stop();
    await mongo.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  await consumer.start();
  logger.info({ database: environment.database, organizations: environment.organizationIds.size || 'all' }, 'routing directory ready');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
