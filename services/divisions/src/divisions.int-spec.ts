import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ClientProxyFactory, Transport, type ClientProxy, type MicroserviceOptions } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import { Partitioners, type Producer } from 'kafkajs';
import type { Db } from 'mongodb';
import { TOPICS, type CallerContext, type CommandMessage, type EventEnvelope } from '@regu/contracts';
import { createKafka, type MongoEventStore } from '@regu/event-sourcing';
import { EVENT_STORE, loadEnvironment, MONGO_DB, ServiceErrorFilter } from '@regu/service-kit';
import { eventually, testInfrastructure, uniqueDatabaseName, uniqueName } from '@regu/testing';
import { AppModule } from './app.module';
import { DivisionsEnvironment } from './divisions.environment';

const WAIT = { timeoutMs: 30_000, intervalMs: 200 };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Builds the events of one identity or whatsapp stream, numbered from 1, as those services publish them. */
function stream(organizationId: string, streamId: string) {
  let version = 0;
  return (type: string, data: object): EventEnvelope => ({
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    streamId,
    streamVersion: ++version,
    organizationId,
    occurredAt: new Date().toISOString(),
    correlationId: randomUUID(),
    causationId: randomUUID(),
    actor: { userId: 'admin-1', role: 'admin' },
    data,
  });
}

describe('divisions service', () => {
  let app: INestApplication;
  let client: ClientProxy;
  let producer: Producer;
  let db: Db;
  let store: MongoEventStore;
  const organizationId = `org-${randomUUID()}`;
  const otherOrganizationId = `org-${randomUUID()}`;
  const caller: CallerContext = { organizationId, userId: 'admin-1', role: 'admin', correlationId: randomUUID() };

  const ids = {
    supervisor: `user-${randomUUID()}`,
    agentA: `user-${randomUUID()}`,
    agentB: `user-${randomUUID()}`,
    agentC: `user-${randomUUID()}`,
    foreignAgent: `user-${randomUUID()}`,
    channel: `channel-${randomUUID()}`,
    otherChannel: `channel-${randomUUID()}`,
  };
  const userStreams = new Map<string, (type: string, data: object) => EventEnvelope>();

  function send<T>(pattern: string, payload: unknown, expectedVersion?: number, as: CallerContext = caller): Promise<T> {
    const message: CommandMessage = { caller: as, payload, ...(expectedVersion === undefined ? {} : { expectedVersion }) };
    return firstValueFrom(client.send<T, CommandMessage>(pattern, message));
  }

  async function rejection(promise: Promise<unknown>): Promise<Record<string, unknown>> {
    try {
      await promise;
    } catch (error) {
      return error as Record<string, unknown>;
    }
    throw new Error('expected the request to fail');
  }

  async function publish(topic: string, events: EventEnvelope[]): Promise<void> {
    await producer.send({ topic, acks: -1, messages: events.map((event) => ({ key: event.streamId, value: JSON.stringify(event) })) });
  }

  function userEvent(userId: string, type: string, data: object = {}): EventEnvelope {
    const next = userStreams.get(userId);
    if (next === undefined) {
      throw new Error(`no stream for ${userId}`);
    }
    return next(type, { userId, ...data });
  }

  function register(userId: string, role: string, organization = organizationId): EventEnvelope {
    userStreams.set(userId, stream(organization, userId));
    return userEvent(userId, 'UserRegistered', { organizationId: organization, role, firstName: `First ${role}`, lastName: userId.slice(5, 13), email: `${userId}@example.com`, phoneNumber: '+6281234567890' });
  }

  async function divisionEvents(divisionId: string): Promise<EventEnvelope[]> {
    return (await store.readStream(divisionId)).events;
  }

  beforeAll(async () => {
    const infrastructure = await testInfrastructure();
    const port = await freePort();
    const environment = loadEnvironment(DivisionsEnvironment, {
      KAFKA_BROKERS: infrastructure.kafkaBrokers,
      MONGO_URL: infrastructure.mongoUrl,
      DIVISIONS_DATABASE_NAME: uniqueDatabaseName('divisions_int'),
      DIVISIONS_CONSUMER_GROUP_PREFIX: uniqueName('divisions-int'),
      DIVISIONS_TCP_PORT: String(port),
      LOG_LEVEL: 'warn',
    });

    app = await NestFactory.create(AppModule.register(environment), { logger: ['error'] });
    app.useGlobalFilters(new ServiceErrorFilter());
    app.connectMicroservice<MicroserviceOptions>({ transport: Transport.TCP, options: { host: '127.0.0.1', port } }, { inheritAppConfig: true });
    await app.startAllMicroservices();
    await app.init();
    db = app.get<Db>(MONGO_DB);
    store = app.get<MongoEventStore>(EVENT_STORE);

    client = ClientProxyFactory.create({ transport: Transport.TCP, options: { host: '127.0.0.1', port } });
    await client.connect();
    producer = createKafka('divisions-int-test', infrastructure.kafkaBrokers).producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();

    const users = [
      register(ids.supervisor, 'supervisor'),
      register(ids.agentA, 'agent'),
      register(ids.agentB, 'agent'),
      register(ids.agentC, 'agent'),
      register(ids.foreignAgent, 'agent', otherOrganizationId),
    ];
    const channelEvents = [ids.channel, ids.otherChannel].map((channelId) =>
      stream(organizationId, channelId)('ChannelConnected', {
        channelId,
        displayName: `WhatsApp ${channelId.slice(8, 12)}`,
        phoneNumber: '+6281100000001',
        wabaId: 'waba-1',
        phoneNumberId: `pn-${channelId}`,
        tokenReference: 'ref',
        tokenFingerprint: 'fp',
        connectedAt: new Date().toISOString(),
      }),
    );
    // Every event twice: the directory must come out the same as with one delivery.
    await publish(TOPICS.identityUser, [...users, ...users]);
    await publish(TOPICS.whatsappChannel, [...channelEvents, ...channelEvents]);

    await eventually(async () => expect(await db.collection('directory_users').countDocuments({ organizationId, status: 'active' })).toBe(4), WAIT);
    await eventually(async () => expect(await db.collection('directory_channels').countDocuments({ organizationId, status: 'connected' })).toBe(2), WAIT);
  }, 120_000);

  afterAll(async () => {
    await producer?.disconnect();
    client?.close();
    await db?.dropDatabase();
    await app?.close();
  });

  it('keeps one directory entry per user when every event arrives twice', async () => {
    const entry = await db.collection('directory_users').findOne({ _id: ids.agentA as never });

    expect(entry).toEqual({ _id: ids.agentA, organizationId, streamVersion: 1, firstName: 'First agent', lastName: ids.agentA.slice(5, 13), role: 'agent', status: 'active' });
  });

  it('creates a division and reads it with names', async () => {
    const created = await send<{ id: string; version: number }>('divisions.create-division', {
      name: 'Created Team',
      supervisorId: ids.supervisor,
      agentIds: [ids.agentA, ids.agentB],
      channelScope: { kind: 'specific', channelIds: [ids.channel] },
    });

    const division = await send('divisions.get-division', { divisionId: created.id });

    expect(division).toEqual({
      id: created.id,
      name: 'Created Team',
      supervisor: { id: ids.supervisor, name: `First supervisor ${ids.supervisor.slice(5, 13)}` },
      agents: [
        { id: ids.agentA, name: `First agent ${ids.agentA.slice(5, 13)}` },
        { id: ids.agentB, name: `First agent ${ids.agentB.slice(5, 13)}` },
      ],
      channelScope: { kind: 'specific', channels: [{ id: ids.channel, name: `WhatsApp ${ids.channel.slice(8, 12)}` }] },
      needsSupervisor: false,
      hasNoAgents: false,
      hasNoChannels: false,
      version: 1,
    });
  });

  it('rejects an agent of another organization', async () => {
    const error = await rejection(send('divisions.create-division', { name: `Foreign ${randomUUID()}`, supervisorId: ids.supervisor, agentIds: [ids.foreignAgent] }));

    expect(error).toMatchObject({ status: 400, code: 'AGENTS_NOT_ACTIVE', params: { agentIds: ids.foreignAgent } });
  });

  it('answers 404 to another organization', async () => {
    const created = await send<{ id: string }>('divisions.create-division', { name: 'Private Team', supervisorId: ids.supervisor, agentIds: [ids.agentA] });
    const stranger: CallerContext = { ...caller, organizationId: otherOrganizationId };

    expect(await rejection(send('divisions.get-division', { divisionId: created.id }, undefined, stranger))).toMatchObject({ status: 404, code: 'DIVISION_NOT_FOUND' });
    expect(await rejection(send('divisions.update-division', { divisionId: created.id, name: 'Taken Over' }, undefined, stranger))).toMatchObject({ status: 404 });
  });

  it('lets only one of two concurrent creates take a name', async () => {
    const name = `Race ${randomUUID().slice(0, 8)}`;
    const body = (spelling: string) => ({ name: spelling, supervisorId: ids.supervisor, agentIds: [ids.agentC] });

    const results = await Promise.allSettled([send('divisions.create-division', body(name)), send('divisions.create-division', body(` ${name.toUpperCase()} `))]);

    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((result) => result.status === 'rejected').map((result) => (result as PromiseRejectedResult).reason)).toEqual([
      expect.objectContaining({ status: 409, code: 'DIVISION_NAME_ALREADY_USED' }),
    ]);
  });

  it('frees the name of a deleted division, and deletes idempotently', async () => {
    const name = `Reused ${randomUUID().slice(0, 8)}`;
    const first = await send<{ id: string; version: number }>('divisions.create-division', { name, supervisorId: ids.supervisor, agentIds: [ids.agentA] });

    expect(await send('divisions.delete-division', { divisionId: first.id }, 1)).toEqual({ id: first.id, version: 2 });
    expect(await send('divisions.delete-division', { divisionId: first.id }, 1)).toEqual({ id: first.id, version: 2 });

    const second = await send<{ id: string; name: string }>('divisions.create-division', { name: name.toLowerCase(), supervisorId: ids.supervisor, agentIds: [ids.agentA] });
    expect(second.id).not.toBe(first.id);
  });

  it('gives one of two writes with the same If-Match a conflict', async () => {
    const created = await send<{ id: string; version: number }>('divisions.create-division', { name: `Etag ${randomUUID().slice(0, 8)}`, supervisorId: ids.supervisor, agentIds: [ids.agentA] });

    const results = await Promise.allSettled([
      send('divisions.update-division', { divisionId: created.id, name: `Etag A ${randomUUID().slice(0, 8)}` }, created.version),
      send('divisions.update-division', { divisionId: created.id, name: `Etag B ${randomUUID().slice(0, 8)}` }, created.version),
    ]);

    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((results.find((result) => result.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ status: 409, code: 'STREAM_VERSION_CONFLICT' });
  });

  it('lists by escaped search, agent and channel, with cursor paging', async () => {
    const marker = randomUUID().slice(0, 8);
    for (const suffix of ['a', 'b', 'c']) {
      await send('divisions.create-division', { name: `List ${marker} ${suffix}.*`, supervisorId: ids.supervisor, agentIds: [ids.agentB], channelScope: { kind: 'specific', channelIds: [ids.otherChannel] } });
    }

    await eventually(async () => expect((await send<{ total: number }>('divisions.list-divisions', { q: marker })).total).toBe(3), WAIT);
    const firstPage = await send<{ items: Array<{ name: string }>; nextCursor: string }>('divisions.list-divisions', { q: `LIST ${marker}`, limit: 2 });
    const secondPage = await send<{ items: Array<{ name: string }>; nextCursor: string | null }>('divisions.list-divisions', { q: marker, limit: 2, cursor: firstPage.nextCursor });

    expect([...firstPage.items, ...secondPage.items].map((item) => item.name)).toEqual([`List ${marker} a.*`, `List ${marker} b.*`, `List ${marker} c.*`]);
    expect(secondPage.nextCursor).toBeNull();
    expect((await send<{ total: number }>('divisions.list-divisions', { q: `${marker} a.*` })).total).toBe(1);
    expect((await send<{ total: number }>('divisions.list-divisions', { q: '.*' })).total).toBeGreaterThanOrEqual(3);
    expect((await send<{ total: number }>('divisions.list-divisions', { q: `${marker}|x` })).total).toBe(0);
    expect((await send<{ total: number }>('divisions.list-divisions', { q: marker, channelId: ids.otherChannel, agentId: ids.agentB })).total).toBe(3);
    expect((await send<{ total: number }>('divisions.list-divisions', { q: marker, agentId: ids.agentA })).total).toBe(0);
    expect((await send<{ total: number }>('divisions.list-divisions', { q: marker }, undefined, { ...caller, organizationId: otherOrganizationId })).total).toBe(0);
  });

  it('removes a deactivated agent from every division, once, and from routing', async () => {
    const agent = `user-${randomUUID()}`;
    await publish(TOPICS.identityUser, [register(agent, 'agent')]);
    await eventually(async () => expect(await db.collection('directory_users').countDocuments({ _id: agent as never })).toBe(1), WAIT);
    const divisions = await Promise.all(
      ['x', 'y'].map((suffix) =>
        send<{ id: string }>('divisions.create-division', {
          name: `Reaction ${randomUUID().slice(0, 8)} ${suffix}`,
          supervisorId: ids.supervisor,
          agentIds: [ids.agentA, agent],
          channelScope: { kind: 'specific', channelIds: [ids.channel] },
        }),
      ),
    );
    await eventually(async () => {
      const routing = await send<{ divisions: Array<{ divisionId: string; agents: Array<{ agentId: string }> }> }>('divisions.get-channel-routing', { channelId: ids.channel });
      const served = routing.divisions.filter((division) => divisions.some((created) => created.id === division.divisionId));
      expect(served.map((division) => division.agents.map((member) => member.agentId))).toEqual([[ids.agentA, agent], [ids.agentA, agent]]);
    }, WAIT);

    const deactivated = userEvent(agent, 'UserDeactivated');
    await publish(TOPICS.identityUser, [deactivated, deactivated, userEvent(agent, 'UserReactivated')]);

    for (const division of divisions) {
      await eventually(async () => expect((await send<{ agents: Array<{ id: string }> }>('divisions.get-division', { divisionId: division.id })).agents.map((member) => member.id)).toEqual([ids.agentA]), WAIT);
    }
    await eventually(async () => expect((await db.collection('reaction_checkpoints').findOne({ _id: { $regex: `division-user-reactions:${agent}$` } } as never))?.streamVersion).toBe(3), WAIT);
    for (const division of divisions) {
      const removals = (await divisionEvents(division.id)).filter((event) => event.type === 'AgentRemovedFromDivision');
      expect(removals).toEqual([
        expect.objectContaining({ actor: { userId: 'divisions-service', role: 'system' }, causationId: deactivated.eventId, data: expect.objectContaining({ agentId: agent, reason: 'agent_deactivated' }) }),
      ]);
    }
    await eventually(async () => {
      const routing = await send<{ divisions: Array<{ divisionId: string; agents: Array<{ agentId: string }> }> }>('divisions.get-channel-routing', { channelId: ids.channel });
      expect(routing.divisions.flatMap((division) => division.agents.map((member) => member.agentId))).not.toContain(agent);
    }, WAIT);
  });

  it('marks a division whose supervisor was deactivated', async () => {
    const supervisor = `user-${randomUUID()}`;
    await publish(TOPICS.identityUser, [register(supervisor, 'supervisor')]);
    await eventually(async () => expect(await db.collection('directory_users').countDocuments({ _id: supervisor as never })).toBe(1), WAIT);
    const created = await send<{ id: string }>('divisions.create-division', { name: `Supervised ${randomUUID().slice(0, 8)}`, supervisorId: supervisor, agentIds: [ids.agentA] });

    await publish(TOPICS.identityUser, [userEvent(supervisor, 'UserDeactivated')]);

    await eventually(async () => expect(await send('divisions.get-division', { divisionId: created.id })).toMatchObject({ supervisor: null, needsSupervisor: true }), WAIT);
  });

  it('leaves a division with no channels when its last channel is disconnected', async () => {
    const channelId = `channel-${randomUUID()}`;
    const channel = stream(organizationId, channelId);
    await publish(TOPICS.whatsappChannel, [
      channel('ChannelConnected', { channelId, displayName: 'Temporary', phoneNumber: '+6281100000009', wabaId: 'w', phoneNumberId: 'p', tokenReference: 'r', tokenFingerprint: 'f', connectedAt: new Date().toISOString() }),
    ]);
    await eventually(async () => expect(await db.collection('directory_channels').countDocuments({ _id: channelId as never })).toBe(1), WAIT);
    const created = await send<{ id: string }>('divisions.create-division', {
      name: `Channel ${randomUUID().slice(0, 8)}`,
      supervisorId: ids.supervisor,
      agentIds: [ids.agentA],
      channelScope: { kind: 'specific', channelIds: [channelId] },
    });

    await publish(TOPICS.whatsappChannel, [channel('ChannelDisconnected', { channelId, phoneNumber: '+6281100000009', wabaId: 'w', phoneNumberId: 'p', disconnectedAt: new Date().toISOString() })]);

    await eventually(
      async () => expect(await send('divisions.get-division', { divisionId: created.id })).toMatchObject({ channelScope: { kind: 'specific', channels: [] }, hasNoChannels: true }),
      WAIT,
    );
  });

  it('gives the same division list entry when every division event arrives twice', async () => {
    const created = await send<{ id: string }>('divisions.create-division', { name: `Twice ${randomUUID().slice(0, 8)}`, supervisorId: ids.supervisor, agentIds: [ids.agentA, ids.agentB] });
    await send('divisions.add-agents-to-division', { divisionId: created.id, agentIds: [ids.agentC] });
    await send('divisions.remove-agent-from-division', { divisionId: created.id, agentId: ids.agentB });
    await eventually(async () => expect((await db.collection('division_list').findOne({ _id: created.id as never }))?.streamVersion).toBe(3), WAIT);
    const before = await db.collection('division_list').findOne({ _id: created.id as never });

    await publish(TOPICS.divisionsDivision, await divisionEvents(created.id));
    const renamed = await send<{ name: string }>('divisions.update-division', { divisionId: created.id, name: `Twice renamed ${randomUUID().slice(0, 8)}` });

    await eventually(async () => expect((await db.collection('division_list').findOne({ _id: created.id as never }))?.streamVersion).toBe(4), WAIT);
    const after = await db.collection('division_list').findOne({ _id: created.id as never });
    expect(after).toEqual({ ...before, name: renamed.name, normalizedName: renamed.name.toLowerCase(), streamVersion: 4, updatedAt: expect.any(String) });
  });

  it('answers routing with effective limits, broadcast and allocation', async () => {
    const created = await send<{ id: string }>('divisions.create-division', {
      name: `Routing ${randomUUID().slice(0, 8)}`,
      supervisorId: ids.supervisor,
      agentIds: [ids.agentC],
      channelScope: { kind: 'specific', channelIds: [ids.otherChannel] },
    });
    await send('divisions.set-division-workload-limit', { divisionId: created.id, limit: 7 });
    await send('divisions.grant-broadcast-to-division', { divisionId: created.id });
    const allocation = await send<{ version: number }>('divisions.update-allocation-settings', { agentsMayTransferChats: false });

    await eventually(async () => {
      const routing = await send<{ divisions: Array<{ divisionId: string; agents: unknown[] }>; allocation: { agentsMayTransferChats: boolean } }>('divisions.get-channel-routing', {
        channelId: ids.otherChannel,
      });
      expect(routing.allocation.agentsMayTransferChats).toBe(false);
      expect(routing.divisions.find((division) => division.divisionId === created.id)?.agents).toEqual([
        { agentId: ids.agentC, name: expect.any(String), workloadLimit: 7, workloadLimitSource: 'division', mayUseBroadcast: true },
      ]);
    }, WAIT);
    expect(await rejection(send('divisions.update-allocation-settings', { agentsMayTransferChats: true }, allocation.version - 1))).toMatchObject({ code: 'STREAM_VERSION_CONFLICT' });
    expect(await rejection(send('divisions.get-channel-routing', { channelId: ids.otherChannel }, undefined, { ...caller, organizationId: otherOrganizationId }))).toMatchObject({
      status: 404,
      code: 'CHANNEL_NOT_FOUND',
    });
  });
});
