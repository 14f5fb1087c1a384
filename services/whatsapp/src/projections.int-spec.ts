import { Partitioners } from 'kafkajs';
import type { EventEnvelope } from '@regu/contracts';
import { createKafka, ensureTopics, ProjectionRunner, type CommitDocument, type Projection } from '@regu/event-sourcing';
import { eventually, testInfrastructure, uniqueName } from '@regu/testing';
import { ChannelListProjection } from './channels/infrastructure/channel-list.projection';
import { TemplateListProjection } from './templates/infrastructure/template-list.projection';
import { newAccount, newCaller, WhatsAppServiceHarness } from './test-support/whatsapp-service.harness';

describe('WhatsApp projections', () => {
  let harness: WhatsAppServiceHarness;

  beforeAll(async () => {
    harness = await WhatsAppServiceHarness.start();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('give the same read model when every event is delivered twice', async () => {
    const caller = newCaller();
    const account = await newAccount(harness);
    const channel = await harness.send<{ id: string }>('whatsapp.connect-channel', caller, { displayName: 'Care', phoneNumber: account.phoneNumber, wabaId: account.wabaId, phoneNumberId: account.phoneNumberId, accessToken: account.accessToken });
    await harness.send('whatsapp.update-channel', caller, { channelId: channel.id, displayName: 'Care desk' });
    const approved = await harness.send<{ id: string }>('whatsapp.create-template', caller, { channelId: channel.id, name: 'kept', category: 'UTILITY', language: 'en_US', message: { body: 'Hello {{1}}, welcome.' }, samples: { body: ['Budi'] } });
    const rejected = await harness.send<{ id: string }>('whatsapp.create-template', caller, { channelId: channel.id, name: 'rejected', category: 'MARKETING', language: 'id', message: { body: 'Hi {{1}}, REJECTME now.' }, samples: { body: ['Budi'] } });
    await eventually(async () => expect(await harness.send('whatsapp.get-template', caller, { templateId: approved.id })).toMatchObject({ status: 'APPROVED' }), { timeoutMs: 20_000 });
    await eventually(async () => expect(await harness.send('whatsapp.get-template', caller, { templateId: rejected.id })).toMatchObject({ status: 'REJECTED' }), { timeoutMs: 20_000 });
    await harness.send('whatsapp.edit-template', caller, { templateId: approved.id, message: { body: 'Hello {{1}}, welcome back.' }, samples: { body: ['Budi'] } });
    await eventually(async () => expect(await harness.send('whatsapp.get-template', caller, { templateId: approved.id })).toMatchObject({ status: 'APPROVED', version: 4 }), { timeoutMs: 20_000 });
    await harness.send('whatsapp.delete-template', caller, { templateId: rejected.id });
    await harness.control('POST', '/tokens/expire', { accessToken: account.accessToken });
    await harness.sendExpectingError('whatsapp.sync-templates', caller, { channelId: channel.id });
    await harness.send('whatsapp.disconnect-channel', caller, { channelId: channel.id });

    const commits = await harness.db.collection<CommitDocument>('commits').find({ organizationId: caller.organizationId }).sort({ streamId: 1, fromVersion: 1 }).toArray();
    const events = commits.flatMap((commit) => commit.events);
    const live = { channels: new ChannelListProjection(harness.db), templates: new TemplateListProjection(harness.db) };
    const lastVersions = lastVersionPerStream(events);
    await eventually(async () => {
      const documents = [...(await live.channels.collection.find({ organizationId: caller.organizationId }).toArray()), ...(await live.templates.collection.find({ organizationId: caller.organizationId }).toArray())];
      expect(Object.fromEntries(documents.map((document) => [document._id, document.streamVersion]))).toEqual(lastVersions);
    }, { timeoutMs: 20_000 });

    const replayed = await replayTwice(harness, events);

    for (const [liveProjection, replayedProjection] of [[live.channels, replayed.channels], [live.templates, replayed.templates]] as const) {
      const expected = await liveProjection.collection.find({ organizationId: caller.organizationId }).sort({ _id: 1 }).toArray();
      const actual = await replayedProjection.collection.find({ organizationId: caller.organizationId }).sort({ _id: 1 }).toArray();
      expect(actual).toEqual(expected);
    }
    expect(events.map((event) => event.type)).toEqual(expect.arrayContaining([
      'ChannelConnected', 'ChannelSettingsUpdated', 'ChannelMarkedForReconnection', 'ChannelDisconnected',
      'TemplateCreated', 'TemplateStatusChanged', 'TemplateEdited', 'TemplateDeleted',
    ]));
  });
});

function lastVersionPerStream(events: EventEnvelope[]): Record<string, number> {
  return Object.fromEntries(events.map((event) => [event.streamId, event.streamVersion]));
}

/** Publishes every event twice in a row to private topics and projects them into fresh collections. */
async function replayTwice(harness: WhatsAppServiceHarness, events: EventEnvelope[]) {
  const infrastructure = await testInfrastructure();
  const kafka = createKafka('whatsapp-replay-test', infrastructure.kafkaBrokers);
  const channelTopic = uniqueName('test.whatsapp.channel.events');
  const templateTopic = uniqueName('test.whatsapp.template.events');
  await ensureTopics(kafka, [channelTopic, templateTopic], 3);

  const channels = new ChannelListProjection(harness.db, uniqueName('channel_list_replayed'), uniqueName('replay'));
  const templates = new TemplateListProjection(harness.db, uniqueName('template_list_replayed'), uniqueName('replay'));
  const projections: Array<[Projection, string]> = [[withTopic(channels, channelTopic), channelTopic], [withTopic(templates, templateTopic), templateTopic]];
  const runners = projections.map(([projection]) => new ProjectionRunner(projection, kafka, harness.db, { maxAttempts: 3, retryBackoffMs: 20 }));

  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    await Promise.all(runners.map((runner) => runner.start()));
    for (const event of events) {
      const topic = event.type.startsWith('Channel') ? channelTopic : templateTopic;
      const message = { key: event.streamId, value: JSON.stringify(event) };
      await producer.send({ topic, acks: -1, messages: [message, message] });
    }
    const lastVersions = lastVersionPerStream(events);
    await eventually(async () => {
      const documents = [...(await channels.collection.find({}).toArray()), ...(await templates.collection.find({}).toArray())];
      expect(Object.fromEntries(documents.map((document) => [document._id, document.streamVersion]))).toEqual(lastVersions);
    }, { timeoutMs: 30_000 });
  } finally {
    await producer.disconnect();
    await Promise.all(runners.map((runner) => runner.stop()));
  }
  return { channels, templates };
}

/** Wraps a projection so it reads a private topic. */
function withTopic(projection: Projection, topic: string): Projection {
  return { name: projection.name, topics: [topic], apply: (event) => projection.apply(event), reset: () => projection.reset() };
}
