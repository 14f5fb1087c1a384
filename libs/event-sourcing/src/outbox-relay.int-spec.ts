import { randomUUID } from 'node:crypto';
import { MongoClient, type Db } from 'mongodb';
import type { Kafka } from 'kafkajs';
import { eventually, testInfrastructure, uniqueDatabaseName, uniqueName } from '@regu/testing';
import type { EventEnvelope } from '@regu/contracts';
import { createKafka, ensureTopics, MongoEventStore, OutboxRelay } from './index';
import { PrivateKafka } from './test-support/private-kafka';

const metadata = {
  organizationId: 'org-1',
  correlationId: 'corr-1',
  causationId: 'cause-1',
  actor: { userId: 'user-1', role: 'admin' as const },
};

async function appendItems(store: MongoEventStore, streamId: string, from: number, count: number): Promise<void> {
  for (let version = from; version < from + count; version++) {
    await store.append('item', streamId, version, [{ type: 'ItemAdded', data: { name: `item-${version + 1}` } }], metadata);
  }
}

/** Collects every event on a topic from the beginning, with a consumer group of its own. */
async function collectTopic(kafka: Kafka, topic: string): Promise<{ events: EventEnvelope[]; stop: () => Promise<void> }> {
  const consumer = kafka.consumer({ groupId: uniqueName('collector') });
  const events: EventEnvelope[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => void events.push(JSON.parse(message.value!.toString())) });
  return { events, stop: () => consumer.disconnect() };
}

describe('OutboxRelay', () => {
  let client: MongoClient;
  let db: Db;
  let store: MongoEventStore;

  beforeAll(async () => {
    const infrastructure = await testInfrastructure();
    client = await MongoClient.connect(infrastructure.mongoUrl);
    db = client.db(uniqueDatabaseName('es_outbox'));
    store = new MongoEventStore(db);
    await store.ensureIndexes();
  });

  afterAll(async () => {
    await db?.dropDatabase();
    await client?.close();
  });

  it('publishes commits in stream order and clears the outbox', async () => {
    const { kafkaBrokers } = await testInfrastructure();
    const kafka = createKafka('outbox-test', kafkaBrokers);
    const topic = uniqueName('test.item.events');
    await ensureTopics(kafka, [topic], 3);
    const streams = [randomUUID(), randomUUID(), randomUUID()];
    for (const streamId of streams) {
      await appendItems(store, streamId, 0, 5);
    }
    const relay = new OutboxRelay(store, db, kafka, { topicFor: () => topic, leaseName: uniqueName('lease'), pollIntervalMs: 100 });
    const collector = await collectTopic(kafka, topic);

    relay.start();
    try {
      await eventually(() => expect(collector.events).toHaveLength(15), { timeoutMs: 20_000 });
    } finally {
      await relay.stop();
      await collector.stop();
    }

    for (const streamId of streams) {
      const versions = collector.events.filter((e) => e.streamId === streamId).map((e) => e.streamVersion);
      expect(versions).toEqual([1, 2, 3, 4, 5]);
    }
    expect(await store.pendingCount(streams)).toBe(0);
  });

  it('publishes appends notified during a publish without waiting for the next poll', async () => {
    const { kafkaBrokers } = await testInfrastructure();
    const kafka = createKafka('outbox-test', kafkaBrokers);
    const topic = uniqueName('test.item.events');
    await ensureTopics(kafka, [topic], 3);
    const ownStore = new MongoEventStore(db, { collectionName: uniqueName('commits') });
    await ownStore.ensureIndexes();
    // A poll interval far beyond the deadline: only notify() can get these commits out in time.
    const relay = new OutboxRelay(ownStore, db, kafka, { topicFor: () => topic, leaseName: uniqueName('lease'), pollIntervalMs: 120_000 });
    const collector = await collectTopic(kafka, topic);
    const streamId = randomUUID();

    relay.start();
    try {
      for (let version = 0; version < 30; version++) {
        await appendItems(ownStore, streamId, version, 1);
        relay.notify();
        await new Promise((resolve) => setTimeout(resolve, version % 5));
      }
      await eventually(() => expect(collector.events).toHaveLength(30), { timeoutMs: 15_000 });
    } finally {
      await relay.stop();
      await collector.stop();
    }

    expect(collector.events.map((e) => e.streamVersion)).toEqual(Array.from({ length: 30 }, (_, index) => index + 1));
  });

  it('waits for a commit still being written, and drops an entry whose writer crashed', async () => {
    const { kafkaBrokers } = await testInfrastructure();
    const kafka = createKafka('outbox-abandoned-test', kafkaBrokers);
    const topic = uniqueName('test.item.events');
    await ensureTopics(kafka, [topic], 1);
    const crashed = randomUUID();
    const healthy = randomUUID();
    // The entry a writer leaves when it crashes between queuing and committing.
    await store.outbox.insertOne({ _id: `${crashed}:1`, streamId: crashed, streamType: 'item', fromVersion: 1, queuedAt: new Date() });
    await appendItems(store, healthy, 0, 2);
    const relay = new OutboxRelay(store, db, kafka, { topicFor: () => topic, leaseName: uniqueName('lease'), abandonedEntryGraceMs: 3_000 });

    await relay['ensureProducer']();
    try {
      expect(await relay.publishPending()).toBe(2);
      expect(await store.pendingCount([crashed])).toBe(1);

      await eventually(async () => {
        await relay.publishPending();
        expect(await store.pendingCount([crashed])).toBe(0);
      }, { timeoutMs: 10_000, intervalMs: 500 });
    } finally {
      await relay.stop();
    }
  });

  describe('across a broker stop and start', () => {
    let broker: PrivateKafka;

    beforeAll(async () => {
      broker = await PrivateKafka.create(19092 + Math.floor(Math.random() * 400) * 2);
      await broker.start();
    }, 120_000);

    afterAll(async () => {
      await broker.destroy();
    }, 60_000);

    it('keeps commits pending while Kafka is down and publishes all of them in order once it is back', async () => {
      const kafka = createKafka('outbox-outage-test', broker.brokers);
      const topic = uniqueName('test.item.events');
      await ensureTopics(kafka, [topic], 1);
      const streamId = randomUUID();
      const relay = new OutboxRelay(store, db, kafka, { topicFor: () => topic, leaseName: uniqueName('lease'), pollIntervalMs: 200 });
      relay.start();

      try {
        await appendItems(store, streamId, 0, 3);
        await eventually(async () => expect(await store.pendingCount([streamId])).toBe(0), { timeoutMs: 20_000 });

        await broker.stop();
        await appendItems(store, streamId, 3, 5);
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        expect(await store.pendingCount([streamId])).toBe(5);

        await broker.start();
        await eventually(async () => expect(await store.pendingCount([streamId])).toBe(0), { timeoutMs: 60_000 });
      } finally {
        await relay.stop();
      }

      const collector = await collectTopic(kafka, topic);
      try {
        await eventually(() => expect(collector.events.length).toBeGreaterThanOrEqual(8), { timeoutMs: 20_000 });
      } finally {
        await collector.stop();
      }
      // Retries after the outage may repeat a commit; consumers drop repeats by version,
      // so what matters is that the first sighting of each version is in order and none is missing.
      const firstSightings = [...new Set(collector.events.map((e) => e.streamVersion))];
      expect(firstSightings).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    }, 180_000);
  });
});
