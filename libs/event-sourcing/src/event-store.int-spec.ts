import { randomUUID } from 'node:crypto';
import { MongoClient, type Db } from 'mongodb';
import { testInfrastructure, uniqueDatabaseName } from '@regu/testing';
import { MongoEventStore, StreamVersionConflictError } from './index';

const metadata = {
  organizationId: 'org-1',
  correlationId: 'corr-1',
  causationId: 'cause-1',
  actor: { userId: 'user-1', role: 'admin' as const },
};

describe('MongoEventStore', () => {
  let client: MongoClient;
  let db: Db;
  let store: MongoEventStore;

  beforeAll(async () => {
    const infrastructure = await testInfrastructure();
    client = await MongoClient.connect(infrastructure.mongoUrl);
    db = client.db(uniqueDatabaseName('es_store'));
    store = new MongoEventStore(db);
    await store.ensureIndexes();
  });

  afterAll(async () => {
    await db?.dropDatabase();
    await client?.close();
  });

  it('stores the events of one append as one commit, in order', async () => {
    const streamId = randomUUID();

    const result = await store.append('item', streamId, 0, [
      { type: 'ItemAdded', data: { name: 'a' } },
      { type: 'ItemAdded', data: { name: 'b' } },
    ], metadata);

    expect(result.nextVersion).toBe(2);
    expect(await store.commits.countDocuments({ streamId })).toBe(1);
    const stream = await store.readStream(streamId);
    expect(stream.version).toBe(2);
    expect(stream.events.map((e) => [e.streamVersion, (e.data as { name: string }).name])).toEqual([[1, 'a'], [2, 'b']]);
    expect(stream.events[0]).toMatchObject({ organizationId: 'org-1', correlationId: 'corr-1', actor: metadata.actor, schemaVersion: 1 });
  });

  it('rejects an append at a stale expected version', async () => {
    const streamId = randomUUID();
    await store.append('item', streamId, 0, [{ type: 'ItemAdded', data: { name: 'a' } }], metadata);
    await store.append('item', streamId, 1, [{ type: 'ItemAdded', data: { name: 'b' } }], metadata);

    const stale = store.append('item', streamId, 1, [{ type: 'ItemAdded', data: { name: 'c' } }], metadata);

    await expect(stale).rejects.toBeInstanceOf(StreamVersionConflictError);
    await expect(stale).rejects.toMatchObject({ expectedVersion: 1, actualVersion: 2 });
  });

  it('lets exactly one of 20 concurrent appends at one version win', async () => {
    const streamId = randomUUID();
    await store.append('item', streamId, 0, [{ type: 'ItemAdded', data: { name: 'first' } }], metadata);

    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => store.append('item', streamId, 1, [{ type: 'ItemAdded', data: { name: `writer-${i}` } }], metadata)),
    );

    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(19);
    for (const rejection of rejected) {
      expect(rejection.reason).toBeInstanceOf(StreamVersionConflictError);
    }
    const stream = await store.readStream(streamId);
    expect(stream.events.map((e) => e.streamVersion)).toEqual([1, 2]);
  });

  it('queues every commit in the outbox', async () => {
    const streamId = randomUUID();

    await store.append('item', streamId, 0, [{ type: 'ItemAdded', data: { name: 'a' } }], metadata);
    await store.append('item', streamId, 1, [{ type: 'ItemAdded', data: { name: 'b' } }], metadata);

    expect(await store.pendingCount([streamId])).toBe(2);
    const entries = await store.outbox.find({ streamId }).sort({ fromVersion: 1 }).toArray();
    expect(entries.map((entry) => entry._id)).toEqual([`${streamId}:1`, `${streamId}:2`]);
  });
});
