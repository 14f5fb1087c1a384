import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { TOPICS } from '@regu/contracts';
import { DirectoryStore } from '@regu/routing-directory';
import { ApiClient, eventually, IdentityTcpClient, TestOrganization, uniqueDatabaseName, uniqueName } from '@regu/testing';
import { MongoClient } from 'mongodb';
import { AdminCommandSequence } from './support/admin-commands';
import { fromDirectory, fromRoutingAnswer, type ComparableRouting } from './support/comparable-routing';
import { kafkaBrokers, problemsOf, readPublishedEvents } from './support/published-events';
import { SeededRandom, seedFromEnvironment } from './support/seeded-random';

const COMMANDS = Number(process.env.EQUALITY_COMMANDS ?? 1_000);
const KILL_AT = Math.floor(COMMANDS / 2);
const RESTART_AT = KILL_AT + Math.floor(COMMANDS / 10);
const consumerScript = path.join(require.resolve('@regu/routing-directory'), '..', 'main.js');
const DIRECTORY_TOPICS: string[] = [TOPICS.identityUser, TOPICS.divisionsDivision, TOPICS.divisionsSettings, TOPICS.whatsappChannel];

describe('routing directory equals the routing endpoint', () => {
  const seed = seedFromEnvironment();
  const api = new ApiClient();
  const identity = new IdentityTcpClient();
  const mongoUrl = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017';
  const databaseName = uniqueDatabaseName('routing_directory_e2e');
  let mongo: MongoClient;
  let consumer: ChildProcess | undefined;

  beforeAll(async () => {
    console.log(`directory equality: SEED=${seed} (set SEED=${seed} to replay), ${COMMANDS} commands`);
    mongo = await MongoClient.connect(mongoUrl);
  });

  afterAll(async () => {
    consumer?.kill('SIGKILL');
    await mongo?.db(databaseName).dropDatabase();
    await mongo?.close();
    identity.close();
  });

  it(`holds after ${COMMANDS} random admin commands and a killed consumer`, async () => {
    const organization = await TestOrganization.create({ api, identity, name: `Equality ${seed}` });
    const organizationId = organization.organizationId;
    const store = new DirectoryStore(mongo.db(databaseName));
    const environment = {
      ...process.env,
      KAFKA_BROKERS: kafkaBrokers().join(','),
      MONGO_URL: mongoUrl,
      ROUTING_DIRECTORY_DATABASE: databaseName,
      ROUTING_DIRECTORY_GROUP_ID: uniqueName('routing-directory-e2e'),
      ROUTING_DIRECTORY_ORGANIZATION_IDS: organizationId,
      LOG_LEVEL: 'warn',
    };
    const startConsumer = (): ChildProcess => spawn(process.execPath, [consumerScript], { env: environment, stdio: ['ignore', 'ignore', 'inherit'] });

    const sequence = new AdminCommandSequence(api, organization.admin.token, new SeededRandom(seed), {
      wabaId: process.env.WHATSAPP_SIMULATOR_WABA_ID ?? '100000000000001',
      phoneNumberId: process.env.WHATSAPP_SIMULATOR_PHONE_NUMBER_ID ?? '200000000000001',
      accessToken: process.env.WHATSAPP_SIMULATOR_ACCESS_TOKEN ?? 'simulator-access-token',
    });

    consumer = startConsumer();
    let appliedAtKill = 0;
    // Access tokens live 15 minutes by default, longer than this sequence takes.
    for (let index = 0; sequence.tally.sent < COMMANDS; index++) {
      if (sequence.tally.sent === KILL_AT && consumer !== undefined && appliedAtKill === 0) {
        await eventually(async () => expect(await appliedEvents(store, organizationId)).toBeGreaterThan(0), { timeoutMs: 60_000, intervalMs: 250 });
        consumer.kill('SIGKILL');
        await new Promise((resolve) => consumer!.once('exit', resolve));
        consumer = undefined;
        appliedAtKill = await appliedEvents(store, organizationId);
      }
      if (sequence.tally.sent === RESTART_AT && consumer === undefined) {
        consumer = startConsumer();
      }
      expect({ seed, index, loopBound: index < COMMANDS * 5 }).toEqual({ seed, index, loopBound: true });
      await sequence.next();
    }
    console.log(`directory equality: SEED=${seed} commands ${JSON.stringify(sequence.tally)}`);
    expect(consumer).toBeDefined();

    const channelIds = sequence.channels.map((channel) => channel.id);
    const compared = await eventually(
      async () => {
        const routing: ComparableRouting[] = [];
        const directory: Array<ComparableRouting | null> = [];
        for (const channelId of channelIds) {
          const answer = await api.get(`/routing/channels/${channelId}`, { token: organization.admin.token });
          expect({ channelId, status: answer.status }).toEqual({ channelId, status: 200 });
          routing.push(fromRoutingAnswer(answer.body as never));
          const entry = await store.directoryFor(organizationId, channelId);
          directory.push(entry === null ? null : fromDirectory(entry));
        }
        expect({ seed, directory }).toEqual({ seed, directory: routing });
        return routing;
      },
      { timeoutMs: 120_000, intervalMs: 1_000 },
    );

    const events = await readPublishedEvents(new Set([organizationId]));
    expect(problemsOf(events)).toEqual([]);
    const lastVersions = new Map<string, number>();
    for (const { topic, value } of events) {
      if (DIRECTORY_TOPICS.includes(topic)) {
        lastVersions.set(value.streamId, Math.max(lastVersions.get(value.streamId) ?? 0, value.streamVersion));
      }
    }
    const counts = await streamCounts(store, organizationId);
    const mismatches = [...lastVersions].filter(([streamId, version]) => {
      const stored = counts.get(streamId);
      return stored?.version !== version || stored.applied !== version;
    });
    expect(mismatches.map(([streamId, version]) => ({ streamId, published: version, stored: counts.get(streamId) }))).toEqual([]);

    const servedDivisions = compared.reduce((sum, entry) => sum + entry.divisions.length, 0);
    console.log(
      `directory equality: SEED=${seed} equal for ${compared.length} channels (${servedDivisions} channel-division pairs), ` +
        `${events.length} events valid, ${lastVersions.size} streams applied once each, ${appliedAtKill} events applied before the kill`,
    );
    expect(compared.length).toBeGreaterThan(0);
    expect(appliedAtKill).toBeGreaterThan(0);
  }, 900_000);
});

async function streamCounts(store: DirectoryStore, organizationId: string): Promise<Map<string, { version: number; applied: number }>> {
  const collections = [store.users, store.divisions, store.channels, store.settings];
  const documents = (await Promise.all(collections.map((collection) => collection.find({ organizationId }).toArray()))).flat();
  return new Map(documents.map((document) => [document._id, { version: document.streamVersion, applied: document.appliedCount }]));
}

async function appliedEvents(store: DirectoryStore, organizationId: string): Promise<number> {
  return [...(await streamCounts(store, organizationId)).values()].reduce((sum, counts) => sum + counts.applied, 0);
}
