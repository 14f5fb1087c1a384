import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { MongoClient } from 'mongodb';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { commitId, MongoEventStore } from '@regu/event-sourcing';

/**
 * The command baseline: a plain node:http server that, per request, inserts one commit
 * document into an event-store collection (with the event store's indexes) and sends
 * the event to Kafka with acks from all in-sync replicas, then responds. No framework,
 * no stream load, no decider, no TCP hop.
 */
export const PIPELINE_TOPIC = 'bench.pipeline.events';

async function main(): Promise<void> {
  const port = Number(process.env.BENCH_PIPELINE_PORT ?? 3181);
  const client = await MongoClient.connect(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017');
  const db = client.db('regu_bench_baseline');
  const store = new MongoEventStore(db, { collectionName: 'pipeline_commits' });
  await store.ensureIndexes();

  const kafka = new Kafka({ clientId: 'bench-pipeline', brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','), logLevel: logLevel.WARN });
  const admin = kafka.admin();
  await admin.connect();
  if (!(await admin.listTopics()).includes(PIPELINE_TOPIC)) {
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic: PIPELINE_TOPIC, numPartitions: 3, replicationFactor: 1 }] });
  }
  await admin.disconnect();
  // The same producer settings as the outbox relay.
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();

  const versions = new Map<string, number>();
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const body = JSON.parse(await readBody(request)) as { streamId: string; type: string; data: unknown };
    const version = (versions.get(body.streamId) ?? 0) + 1;
    versions.set(body.streamId, version);
    const committedAt = new Date();
    const event = {
      eventId: randomUUID(),
      type: body.type,
      schemaVersion: 1,
      streamId: body.streamId,
      streamVersion: version,
      organizationId: 'bench',
      occurredAt: committedAt.toISOString(),
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actor: { userId: 'bench', role: 'admin' },
      data: body.data,
    };
    await store.commits.insertOne({
      _id: commitId(body.streamId, version),
      streamId: body.streamId,
      streamType: 'bench',
      organizationId: 'bench',
      fromVersion: version,
      toVersion: version,
      events: [event as never],
      committedAt,
    });
    await producer.send({ topic: PIPELINE_TOPIC, acks: -1, messages: [{ key: body.streamId, value: JSON.stringify(event) }] });
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ version }));
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
    });
  });
  server.keepAliveTimeout = 30_000;
  server.listen(port, '127.0.0.1', () => process.send?.('ready'));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
