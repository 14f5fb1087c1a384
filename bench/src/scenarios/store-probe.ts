import type { Db } from 'mongodb';
import { nowMs } from '../load/stats';

export interface StoreProbeRow {
  documents: number;
  insertOneMs: number;
  findByIdMs: number;
  findByFieldMs: number;
}

const SAMPLES = 10;

/**
 * Times single-document operations on collections of growing size. On a store with
 * working indexes they stay flat; when they grow with the collection, every query
 * the services make scans it.
 */
export async function probeStore(db: Db, sizes: readonly number[] = [1_000, 10_000]): Promise<StoreProbeRow[]> {
  const collection = db.collection<{ _id: string; streamId: string; version: number; payload: string }>('store_probe');
  await collection.deleteMany({});
  await collection.createIndex({ streamId: 1, version: 1 }, { unique: true });

  const rows: StoreProbeRow[] = [];
  let count = 0;
  for (const size of sizes) {
    const batch = [];
    for (; count < size; count++) {
      batch.push({ _id: `probe-${count}`, streamId: `stream-${count % 500}`, version: Math.floor(count / 500) + 1, payload: 'x'.repeat(300) });
    }
    for (let start = 0; start < batch.length; start += 1000) {
      await collection.insertMany(batch.slice(start, start + 1000), { ordered: false });
    }
    rows.push({
      documents: size,
      insertOneMs: await meanMs(async (sample) => {
        await collection.insertOne({ _id: `probe-extra-${size}-${sample}`, streamId: `extra-${size}`, version: sample + 1, payload: '' });
      }),
      findByIdMs: await meanMs(async (sample) => {
        await collection.findOne({ _id: `probe-${size - 1 - sample}` });
      }),
      findByFieldMs: await meanMs(async (sample) => {
        await collection.find({ streamId: `stream-${sample}` }).toArray();
      }),
    });
  }
  await collection.drop();
  return rows;
}

async function meanMs(operation: (sample: number) => Promise<void>): Promise<number> {
  const started = nowMs();
  for (let sample = 0; sample < SAMPLES; sample++) {
    await operation(sample);
  }
  return (nowMs() - started) / SAMPLES;
}

/**
 * Returns the store's count of each command since it started, from serverStatus
 * `metrics.commands` (FerretDB and MongoDB both report it), or an empty record when the
 * store has none. The counts include every client of the store, not only the bench's.
 */
export async function storeCommandCounts(db: Db): Promise<Record<string, number>> {
  const status = (await db.admin().command({ serverStatus: 1 }).catch(() => ({}))) as { metrics?: { commands?: Record<string, { total?: unknown }> } };
  const counts: Record<string, number> = {};
  for (const [name, value] of Object.entries(status.metrics?.commands ?? {})) {
    const total = Number(value.total ?? Number.NaN);
    if (Number.isFinite(total)) {
      counts[name] = total;
    }
  }
  return counts;
}
