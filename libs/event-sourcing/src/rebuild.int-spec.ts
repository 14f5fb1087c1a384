import { randomUUID } from 'node:crypto';
import { MongoClient, type Db } from 'mongodb';
import { testInfrastructure, uniqueDatabaseName, uniqueName } from '@regu/testing';
import type { EventEnvelope } from '@regu/contracts';
import { MongoEventStore, rebuildProjection, rebuildStreamDocuments } from './index';
import { ItemListProjection, type ItemList } from './test-support/item-list.projection';

const METADATA = { organizationId: 'org-1', correlationId: 'c', causationId: 'c', actor: { userId: 'u', role: 'admin' as const } };

function addItems(names: string[]): Array<{ type: string; data: { name: string } }> {
  return names.map((name) => ({ type: 'ItemAdded', data: { name } }));
}

const evolveItems = (current: ItemList | null, event: EventEnvelope): ItemList => ({ items: [...(current?.items ?? []), (event.data as { name: string }).name] });

describe('rebuildStreamDocuments', () => {
  let client: MongoClient;
  let db: Db;

  beforeAll(async () => {
    const infrastructure = await testInfrastructure();
    client = await MongoClient.connect(infrastructure.mongoUrl);
    db = client.db(uniqueDatabaseName('es_rebuild'));
  });

  afterAll(async () => {
    await db.dropDatabase();
    await client.close();
  });

  it('writes the documents that rebuildProjection writes', async () => {
    const store = new MongoEventStore(db, { collectionName: uniqueName('commits') });
    await store.ensureIndexes();
    const streams = Array.from({ length: 7 }, () => randomUUID());
    for (const [index, streamId] of streams.entries()) {
      await store.append('item', streamId, 0, addItems([`${index}-a`]), METADATA);
      // A commit of two events, then one more, on every other stream.
      if (index % 2 === 0) {
        await store.append('item', streamId, 1, addItems([`${index}-b`, `${index}-c`]), METADATA);
        await store.append('item', streamId, 3, addItems([`${index}-d`]), METADATA);
      }
    }
    await store.append('other', randomUUID(), 0, addItems(['not replayed']), METADATA);

    const eventByEvent = new ItemListProjection(uniqueName('event-by-event'), [], db, uniqueName('items_event_by_event'));
    const batched = new ItemListProjection(uniqueName('batched'), [], db, uniqueName('items_batched'));
    await batched.collection.insertOne({ _id: 'stale', organizationId: 'org-1', streamVersion: 1, items: ['dropped by reset'] });

    const expected = await rebuildProjection(store, eventByEvent, ['item']);
    const result = await rebuildStreamDocuments(store, { collection: batched.collection, evolve: evolveItems, reset: () => batched.reset() }, ['item'], { batchSize: 3 });

    expect(result).toEqual(expected);
    expect(result).toEqual({ events: 19, applied: 19 });
    const rebuilt = await batched.collection.find({}).sort({ _id: 1 }).toArray();
    expect(rebuilt).toEqual(await eventByEvent.collection.find({}).sort({ _id: 1 }).toArray());
  });

  it('stops a stream at a gap', async () => {
    const store = new MongoEventStore(db, { collectionName: uniqueName('commits') });
    await store.ensureIndexes();
    const streamId = randomUUID();
    await store.append('item', streamId, 0, addItems(['first']), METADATA);
    const [third] = (await store.append('item', randomUUID(), 0, addItems(['third']), METADATA)).events;
    await store.commits.insertOne({
      _id: randomUUID(),
      streamId,
      streamType: 'item',
      organizationId: 'org-1',
      fromVersion: 3,
      toVersion: 3,
      events: [{ ...third, streamId, streamVersion: 3 }],
      committedAt: new Date(),
    });
    const batched = new ItemListProjection(uniqueName('batched'), [], db, uniqueName('items_gap'));

    const result = await rebuildStreamDocuments(store, { collection: batched.collection, evolve: evolveItems, reset: () => batched.reset() }, ['item']);

    expect(result).toEqual({ events: 3, applied: 2 });
    const document = await batched.collection.findOne({ _id: streamId });
    expect(document?.streamVersion).toBe(1);
    expect(document?.items).toEqual(['first']);
  });
});
