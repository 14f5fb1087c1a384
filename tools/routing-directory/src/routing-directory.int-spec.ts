import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import { MongoClient } from 'mongodb';
import pino from 'pino';
import { eventually, testInfrastructure, uniqueDatabaseName, uniqueName } from '@regu/testing';
import { DirectoryConsumer } from './consumer/directory-consumer';
import { DIRECTORY_TOPICS, DirectoryStore } from './directory/directory.store';
import type { ChannelDirectory } from './directory/directory.types';
import { buildScenario, type PublishedEvent, type Scenario } from './test-support/directory-scenario';

const mainScript = path.join(__dirname, '..', 'dist', 'main.js');

async function publish(producer: Producer, events: PublishedEvent[]): Promise<void> {
  for (const { topic, event } of events) {
    await producer.send({ topic, acks: -1, messages: [{ key: event.streamId, value: JSON.stringify(event) }] });
  }
}

async function directories(store: DirectoryStore, scenario: Scenario): Promise<(ChannelDirectory | null)[]> {
  const channelIds = scenario.expected().map((entry) => entry.channel.channelId);
  return Promise.all(channelIds.map((channelId) => store.directoryFor(scenario.builder.organizationId, channelId)));
}

/** Every stream document of the scenario: its version, and how many events were applied to it. */
async function streamCounts(store: DirectoryStore, organizationId: string): Promise<Map<string, { version: number; applied: number }>> {
  const collections = [store.users, store.divisions, store.channels, store.settings];
  const documents = (await Promise.all(collections.map((collection) => collection.find({ organizationId }).toArray()))).flat();
  return new Map(documents.map((document) => [document._id, { version: document.streamVersion, applied: document.appliedCount }]));
}

async function appliedEvents(store: DirectoryStore, organizationId: string): Promise<number> {
  return [...(await streamCounts(store, organizationId)).values()].reduce((sum, counts) => sum + counts.applied, 0);
}

describe('routing directory on real Kafka and MongoDB', () => {
  let mongo: MongoClient;
  let kafka: Kafka;
  let producer: Producer;
  let kafkaBrokers: string;
  let mongoUrl: string;
  const databases: string[] = [];
  const logger = pino({ level: 'warn' });

  beforeAll(async () => {
    ({ kafkaBrokers, mongoUrl } = await testInfrastructure());
    mongo = await MongoClient.connect(mongoUrl);
    kafka = new Kafka({ clientId: 'routing-directory-test', brokers: kafkaBrokers.split(','), logLevel: logLevel.WARN });
    const admin = kafka.admin();
    await admin.connect();
    const existing = new Set(await admin.listTopics());
    const missing = DIRECTORY_TOPICS.filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      await admin.createTopics({ waitForLeaders: true, topics: missing.map((topic) => ({ topic, numPartitions: 3, replicationFactor: 1 })) });
    }
    await admin.disconnect();
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, idempotent: true });
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    for (const name of databases) {
      await mongo.db(name).dropDatabase();
    }
    await mongo?.close();
  });

  function newStore(): DirectoryStore {
    const name = uniqueDatabaseName('routing_directory');
    databases.push(name);
    return new DirectoryStore(mongo.db(name));
  }

  it('builds the directory of every channel from the events', async () => {
    const scenario = buildScenario(uniqueName('org'));
    const store = newStore();
    const consumer = new DirectoryConsumer(kafka, store, {
      groupId: uniqueName('routing-directory-test'),
      organizationIds: new Set([scenario.builder.organizationId]),
      logger,
    });
    await consumer.start();

    try {
      await publish(producer, scenario.builder.events);

      await eventually(async () => expect(await directories(store, scenario)).toEqual(scenario.expected()), { timeoutMs: 30_000, intervalMs: 250 });
    } finally {
      await consumer.stop();
    }
    const counts = await streamCounts(store, scenario.builder.organizationId);
    for (const [streamId, version] of scenario.builder.streamVersions()) {
      expect({ streamId, ...counts.get(streamId) }).toEqual({ streamId, version, applied: version });
    }
    expect(await store.directoryFor(scenario.builder.organizationId, 'no-such-channel')).toBeNull();
  });

  it('ignores every event delivered twice', async () => {
    const scenario = buildScenario(uniqueName('org'));
    const store = newStore();
    const consumer = new DirectoryConsumer(kafka, store, {
      groupId: uniqueName('routing-directory-test'),
      organizationIds: new Set([scenario.builder.organizationId]),
      logger,
    });
    await consumer.start();

    try {
      const events = scenario.builder.events;
      await publish(producer, events.flatMap((published) => [published, published]));

      await eventually(async () => expect(await directories(store, scenario)).toEqual(scenario.expected()), { timeoutMs: 30_000, intervalMs: 250 });
      await eventually(async () => expect(await appliedEvents(store, scenario.builder.organizationId)).toBe(events.length), { timeoutMs: 10_000 });
    } finally {
      await consumer.stop();
    }
  });

  it('ends equal after being killed mid-sequence', async () => {
    expect({ built: existsSync(mainScript), fix: 'run `npm run build -w tools/routing-directory` first' }).toEqual({ built: true, fix: expect.any(String) });
    const scenario = buildScenario(uniqueName('org'), 100);
    const store = newStore();
    const organizationId = scenario.builder.organizationId;
    const environment = {
      ...process.env,
      KAFKA_BROKERS: kafkaBrokers,
      MONGO_URL: mongoUrl,
      ROUTING_DIRECTORY_DATABASE: store.db.databaseName,
      ROUTING_DIRECTORY_GROUP_ID: uniqueName('routing-directory-test'),
      ROUTING_DIRECTORY_ORGANIZATION_IDS: organizationId,
      LOG_LEVEL: 'warn',
    };
    const events = scenario.builder.events;
    const children: ChildProcess[] = [];
    const startConsumer = (): ChildProcess => {
      const child = spawn(process.execPath, [mainScript], { env: environment, stdio: ['ignore', 'ignore', 'inherit'] });
      children.push(child);
      return child;
    };

    try {
      const first = startConsumer();
      await publish(producer, events.slice(0, scenario.middle + 150));
      await eventually(async () => expect(await appliedEvents(store, organizationId)).toBeGreaterThanOrEqual(scenario.middle), { timeoutMs: 30_000 });
      first.kill('SIGKILL');
      await new Promise((resolve) => first.once('exit', resolve));
      const appliedBeforeKill = await appliedEvents(store, organizationId);

      await publish(producer, events.slice(scenario.middle + 150));
      startConsumer();

      await eventually(async () => expect(await directories(store, scenario)).toEqual(scenario.expected()), { timeoutMs: 60_000, intervalMs: 250 });
      expect(appliedBeforeKill).toBeLessThan(events.length);
      // The directory can be complete before the last events that change nothing in it are applied.
      await eventually(async () => expect(await appliedEvents(store, organizationId)).toBe(events.length), { timeoutMs: 30_000 });
    } finally {
      for (const child of children) {
        child.kill('SIGKILL');
      }
    }

    const counts = await streamCounts(store, organizationId);
    for (const [streamId, version] of scenario.builder.streamVersions()) {
      expect({ streamId, ...counts.get(streamId) }).toEqual({ streamId, version, applied: version });
    }
  }, 180_000);
});
