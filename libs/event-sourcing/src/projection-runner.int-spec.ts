import { randomUUID } from 'node:crypto';
import { MongoClient, type Db } from 'mongodb';
import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import { eventually, testInfrastructure, uniqueDatabaseName, uniqueName } from '@regu/testing';
import type { EventEnvelope } from '@regu/contracts';
import { createKafka, ensureTopics, MongoEventStore, OutboxRelay, ProjectionRunner, rebuildProjection } from './index';
import { ItemListProjection } from './test-support/item-list.projection';

function itemEvent(streamId: string, streamVersion: number, type = 'ItemAdded'): EventEnvelope {
  return {
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    streamId,
    streamVersion,
    organizationId: 'org-1',
    occurredAt: new Date().toISOString(),
    correlationId: 'corr-1',
    causationId: 'cause-1',
    actor: { userId: 'user-1', role: 'admin' },
    data: { name: `item-${streamVersion}` },
  };
}

async function publish(producer: Producer, topic: string, events: EventEnvelope[]): Promise<void> {
  await producer.send({ topic, acks: -1, messages: events.map((e) => ({ key: e.streamId, value: JSON.stringify(e) })) });
}

describe('ProjectionRunner', () => {
  let client: MongoClient;
  let db: Db;
  let kafka: Kafka;
  let producer: Producer;
  const runners: ProjectionRunner[] = [];

  beforeAll(async () => {
    const infrastructure = await testInfrastructure();
    client = await MongoClient.connect(infrastructure.mongoUrl);
    db = client.db(uniqueDatabaseName('es_projection'));
    kafka = createKafka('projection-test', infrastructure.kafkaBrokers);
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
  });

  afterEach(async () => {
    await Promise.all(runners.splice(0).map((runner) => runner.stop()));
  });

  afterAll(async () => {
    await producer?.disconnect();
    await db?.dropDatabase();
    await client?.close();
  });

  async function startProjection(topic: string): Promise<ItemListProjection> {
    const projection = new ItemListProjection(uniqueName('test.item-list'), [topic], db, uniqueName('item_lists'));
    const runner = new ProjectionRunner(projection, kafka, db, { maxAttempts: 3, retryBackoffMs: 20 });
    runners.push(runner);
    await runner.start();
    return projection;
  }

  it('gives the same read model when every event is delivered twice', async () => {
    const topic = uniqueName('test.item.events');
    await ensureTopics(kafka, [topic], 1);
    const streamId = randomUUID();
    const events = [1, 2, 3].map((version) => itemEvent(streamId, version));
    const projection = await startProjection(topic);

    await publish(producer, topic, [...events, ...events]);
    await publish(producer, topic, [itemEvent(streamId, 4)]);

    await eventually(async () => expect((await projection.collection.findOne({ _id: streamId }))?.streamVersion).toBe(4), { timeoutMs: 20_000 });
    const document = await projection.collection.findOne({ _id: streamId });
    expect(document?.items).toEqual(['item-1', 'item-2', 'item-3', 'item-4']);
  });

  it('parks an event that arrives over a gap and applies it after the missing one', async () => {
    const topic = uniqueName('test.item.events');
    await ensureTopics(kafka, [topic], 1);
    const streamId = randomUUID();
    const projection = await startProjection(topic);

    await publish(producer, topic, [itemEvent(streamId, 1), itemEvent(streamId, 3)]);
    await eventually(async () => expect((await projection.collection.findOne({ _id: streamId }))?.streamVersion).toBe(1), { timeoutMs: 20_000 });
    await eventually(async () => expect(await db.collection('projection_parked_events').countDocuments({ projection: projection.name })).toBe(1), { timeoutMs: 20_000 });
    expect((await projection.collection.findOne({ _id: streamId }))?.items).toEqual(['item-1']);

    await publish(producer, topic, [itemEvent(streamId, 2)]);

    await eventually(async () => expect((await projection.collection.findOne({ _id: streamId }))?.streamVersion).toBe(3), { timeoutMs: 20_000 });
    expect((await projection.collection.findOne({ _id: streamId }))?.items).toEqual(['item-1', 'item-2', 'item-3']);
    expect(await db.collection('projection_parked_events').countDocuments({ projection: projection.name })).toBe(0);
  });

  it('sends a poison event to the dead-letter topic and projects the events after it', async () => {
    const topic = uniqueName('test.item.events');
    await ensureTopics(kafka, [topic], 1);
    const poisoned = randomUUID();
    const healthy = randomUUID();
    const projection = await startProjection(topic);
    const deadLetters: EventEnvelope[] = [];
    const deadLetterConsumer = kafka.consumer({ groupId: uniqueName('dead-letter-reader') });
    await ensureTopics(kafka, [`${projection.name}.dead-letter`], 1);
    await deadLetterConsumer.connect();
    await deadLetterConsumer.subscribe({ topic: `${projection.name}.dead-letter`, fromBeginning: true });
    await deadLetterConsumer.run({ eachMessage: async ({ message }) => void deadLetters.push(JSON.parse(message.value!.toString())) });

    try {
      await publish(producer, topic, [itemEvent(poisoned, 1, 'Poison'), itemEvent(healthy, 1), itemEvent(healthy, 2)]);

      await eventually(async () => expect((await projection.collection.findOne({ _id: healthy }))?.streamVersion).toBe(2), { timeoutMs: 20_000 });
      await eventually(() => expect(deadLetters.map((e) => e.streamId)).toEqual([poisoned]), { timeoutMs: 20_000 });
    } finally {
      await deadLetterConsumer.disconnect();
    }
    expect(await projection.collection.findOne({ _id: poisoned })).toBeNull();
  });

  it('rebuilds from the event store into the same read model as the live projection', async () => {
    const store = new MongoEventStore(db, { collectionName: uniqueName('commits') });
    await store.ensureIndexes();
    const topic = uniqueName('test.item.events');
    await ensureTopics(kafka, [topic], 3);
    const metadata = { organizationId: 'org-1', correlationId: 'c', causationId: 'c', actor: { userId: 'u', role: 'admin' as const } };
    const streams = Array.from({ length: 10 }, () => randomUUID());
    for (const [index, streamId] of streams.entries()) {
      for (let version = 0; version < (index % 4) + 1; version++) {
        await store.append('item', streamId, version, [{ type: 'ItemAdded', data: { name: `${index}-${version}` } }], metadata);
      }
    }
    const live = await startProjection(topic);
    const relay = new OutboxRelay(store, db, kafka, { topicFor: () => topic, leaseName: uniqueName('lease'), pollIntervalMs: 100 });
    relay.start();
    try {
      await eventually(async () => expect(await live.collection.countDocuments({})).toBe(10), { timeoutMs: 20_000 });
      await eventually(async () => expect(await live.collection.countDocuments({ streamVersion: 4 })).toBe(2), { timeoutMs: 20_000 });
    } finally {
      await relay.stop();
    }

    const rebuilt = new ItemListProjection(uniqueName('test.rebuilt'), [topic], db, uniqueName('item_lists_rebuilt'));
    const result = await rebuildProjection(store, rebuilt, ['item']);

    expect(result).toEqual({ events: 23, applied: 23 });
    const liveDocuments = await live.collection.find({}).sort({ _id: 1 }).toArray();
    const rebuiltDocuments = await rebuilt.collection.find({}).sort({ _id: 1 }).toArray();
    expect(rebuiltDocuments).toEqual(liveDocuments);
  });
});
