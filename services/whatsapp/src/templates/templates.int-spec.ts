import type { CallerContext } from '@regu/contracts';
import { eventually } from '@regu/testing';
import { newAccount, newCaller, WhatsAppServiceHarness } from '../test-support/whatsapp-service.harness';

interface TemplateView {
  id: string;
  name: string;
  language: string;
  category: string;
  status: string;
  rejectionReason?: string;
  providerTemplateId: string;
  version: number;
}

interface Page<T> {
  items: T[];
  total: number;
  nextOffset: number | null;
}

const MESSAGE = {
  header: { format: 'TEXT', text: 'Order {{1}}' },
  body: 'Hello {{1}}, your order {{2}} has shipped.',
  footer: 'Thank you for shopping',
  buttons: [
    { type: 'QUICK_REPLY', text: 'Thanks' },
    { type: 'URL', text: 'Track', url: 'https://shop.example/track/{{1}}' },
  ],
};
const SAMPLES = { header: ['A-1001'], body: ['Budi', 'A-1001'], buttons: { 1: 'A-1001' } };

describe('WhatsApp templates', () => {
  let harness: WhatsAppServiceHarness;

  beforeAll(async () => {
    harness = await WhatsAppServiceHarness.start();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  async function connectedChannel(): Promise<{ caller: CallerContext; channelId: string; wabaId: string; accessToken: string }> {
    const caller = newCaller();
    const account = await newAccount(harness);
    const channel = await harness.send<{ id: string }>('whatsapp.connect-channel', caller, {
      displayName: 'Customer care',
      phoneNumber: account.phoneNumber,
      wabaId: account.wabaId,
      phoneNumberId: account.phoneNumberId,
      accessToken: account.accessToken,
    });
    return { caller, channelId: channel.id, wabaId: account.wabaId, accessToken: account.accessToken };
  }

  function create(caller: CallerContext, channelId: string, overrides: Record<string, unknown> = {}): Promise<TemplateView> {
    return harness.send<TemplateView>('whatsapp.create-template', caller, {
      channelId,
      name: 'order_shipped',
      category: 'UTILITY',
      language: 'en_US',
      message: MESSAGE,
      samples: SAMPLES,
      ...overrides,
    });
  }

  async function list(caller: CallerContext, query: Record<string, unknown> = {}): Promise<Page<TemplateView>> {
    return harness.send<Page<TemplateView>>('whatsapp.list-templates', caller, query);
  }

  it('checks the details step alone', async () => {
    const { caller, channelId } = await connectedChannel();

    expect(await harness.send('whatsapp.check-template-details', caller, { channelId, name: 'order_shipped', category: 'UTILITY', language: 'en_US' })).toEqual({ valid: true });

    const error = await harness.sendExpectingError('whatsapp.check-template-details', caller, { channelId, name: 'Order Shipped', category: 'PROMO', language: 'en-US' });
    expect(error.status).toBe(422);
    expect(error.code).toBe('TEMPLATE_RULES_BROKEN');
    expect(error.errors?.map((entry) => [entry.field, entry.code])).toEqual([
      ['name', 'TEMPLATE_NAME_INVALID_CHARACTERS'],
      ['category', 'TEMPLATE_CATEGORY_UNKNOWN'],
      ['language', 'TEMPLATE_LANGUAGE_UNSUPPORTED'],
    ]);
  });

  it('answers 400 for a missing detail', async () => {
    const { caller, channelId } = await connectedChannel();

    const error = await harness.sendExpectingError('whatsapp.check-template-details', caller, { channelId, category: 'UTILITY', language: 'en_US' });

    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', errors: [{ field: 'name', code: 'FIELD_REQUIRED', message: 'field is required', params: {} }] });
  });

  it('submits a template and follows its review', async () => {
    const { caller, channelId } = await connectedChannel();

    const created = await create(caller, channelId);

    expect(created).toMatchObject({ name: 'order_shipped', status: 'PENDING', version: 1, message: MESSAGE, samples: SAMPLES });
    await eventually(async () => {
      expect(await harness.send<TemplateView>('whatsapp.get-template', caller, { templateId: created.id })).toMatchObject({ status: 'APPROVED', version: 2 });
    }, { timeoutMs: 20_000 });
  });

  it('records a rejection with its reason', async () => {
    const { caller, channelId } = await connectedChannel();

    const created = await create(caller, channelId, { name: 'rejected_one', message: { body: 'Hello {{1}}, REJECTME please.' }, samples: { body: ['Budi'] } });

    await eventually(async () => {
      expect(await harness.send<TemplateView>('whatsapp.get-template', caller, { templateId: created.id })).toMatchObject({ status: 'REJECTED', rejectionReason: 'ABUSIVE_CONTENT' });
    }, { timeoutMs: 20_000 });
  });

  it('rejects a broken message naming the component', async () => {
    const { caller, channelId } = await connectedChannel();

    const error = await harness.sendExpectingError('whatsapp.create-template', caller, {
      channelId,
      name: 'broken',
      category: 'UTILITY',
      language: 'id',
      message: { body: '{{1}} and {{3}}', footer: 'Hi {{1}}', buttons: [{ type: 'COPY_CODE', code: 'SAVE10' }] },
      samples: { body: ['a'] },
    });

    expect(error.status).toBe(422);
    expect(error.errors?.map((entry) => [entry.field, entry.code])).toEqual([
      ['message.body', 'TEMPLATE_VARIABLES_NOT_SEQUENTIAL'],
      ['message.body', 'TEMPLATE_VARIABLE_AT_BODY_START'],
      ['message.body', 'TEMPLATE_VARIABLE_AT_BODY_END'],
      ['samples.body.2', 'TEMPLATE_VARIABLE_SAMPLE_MISSING'],
      ['message.footer', 'TEMPLATE_FOOTER_HAS_VARIABLES'],
      ['message.buttons[0].type', 'TEMPLATE_COPY_CODE_ONLY_IN_MARKETING'],
    ]);
    expect(await harness.control<{ data: unknown[] }>('GET', '/templates').then((result) => result.data.filter((t) => (t as { name: string }).name === 'broken'))).toEqual([]);
  });

  it('keeps name and language unique per account', async () => {
    const { caller, channelId } = await connectedChannel();
    await create(caller, channelId);

    const error = await harness.sendExpectingError('whatsapp.create-template', caller, { channelId, name: 'order_shipped', category: 'UTILITY', language: 'en_US', message: MESSAGE, samples: SAMPLES });
    const otherLanguage = await create(caller, channelId, { language: 'id' });

    expect(error).toMatchObject({ status: 409, code: 'TEMPLATE_NAME_ALREADY_USED', params: { name: 'order_shipped', language: 'en_US' } });
    expect(otherLanguage.status).toBe('PENDING');
  });

  it('previews with the sample values', async () => {
    const { caller } = await connectedChannel();

    const preview = await harness.send('whatsapp.preview-template', caller, { message: MESSAGE, samples: SAMPLES });

    expect(preview).toEqual({
      header: { format: 'TEXT', text: 'Order A-1001' },
      body: 'Hello Budi, your order A-1001 has shipped.',
      footer: 'Thank you for shopping',
      buttons: [
        { type: 'QUICK_REPLY', text: 'Thanks' },
        { type: 'URL', text: 'Track', url: 'https://shop.example/track/A-1001' },
      ],
    });
  });

  it('searches name and body and filters', async () => {
    const { caller, channelId } = await connectedChannel();
    await create(caller, channelId, { name: 'order_shipped' });
    await create(caller, channelId, { name: 'promo_week', category: 'MARKETING', language: 'id', message: { body: 'Diskon (50%) minggu ini untuk {{1}} saja!' }, samples: { body: ['Budi'] } });
    await create(caller, channelId, { name: 'payment_due', message: { body: 'Your payment is due, {{1}}.' }, samples: { body: ['Budi'] } });

    await eventually(async () => expect((await list(caller)).total).toBe(3), { timeoutMs: 20_000 });

    expect((await list(caller, { q: 'SHIPPED' })).items.map((item) => item.name)).toEqual(['order_shipped']);
    expect((await list(caller, { q: 'PAYMENT IS' })).items.map((item) => item.name)).toEqual(['payment_due']);
    expect((await list(caller, { q: '(50%)' })).items.map((item) => item.name)).toEqual(['promo_week']);
    expect((await list(caller, { q: '.*' })).items).toEqual([]);
    expect((await list(caller, { category: 'MARKETING' })).items.map((item) => item.name)).toEqual(['promo_week']);
    expect((await list(caller, { language: 'en_US' })).items.map((item) => item.name)).toEqual(['order_shipped', 'payment_due']);
    expect((await list(caller, { channelId })).total).toBe(3);
    expect((await list(caller, { status: 'REJECTED' })).items).toEqual([]);
    const firstPage = await list(caller, { limit: 2 });
    expect(firstPage.items.map((item) => item.name)).toEqual(['order_shipped', 'payment_due']);
    expect(firstPage.nextOffset).toBe(2);
    expect((await list(caller, { limit: 2, offset: 2 })).items.map((item) => item.name)).toEqual(['promo_week']);
    expect((await list(newCaller())).total).toBe(0);
  });

  it('edits only in statuses WhatsApp allows', async () => {
    const { caller, channelId } = await connectedChannel();
    const created = await create(caller, channelId);

    const pending = await harness.sendExpectingError('whatsapp.edit-template', caller, { templateId: created.id, message: { body: 'Hello {{1}}, shipped.' }, samples: { body: ['Budi'] } });
    expect(pending).toMatchObject({ status: 409, code: 'TEMPLATE_NOT_EDITABLE' });

    await eventually(async () => expect((await harness.send<TemplateView>('whatsapp.get-template', caller, { templateId: created.id })).status).toBe('APPROVED'), { timeoutMs: 20_000 });
    const edited = await harness.send<TemplateView>('whatsapp.edit-template', caller, { templateId: created.id, message: { body: 'Hello {{1}}, it shipped.' }, samples: { body: ['Budi'] } }, 2);

    expect(edited).toMatchObject({ status: 'PENDING', version: 3, message: { body: 'Hello {{1}}, it shipped.' } });
  });

  it('deletes with the provider, idempotently, and frees the name', async () => {
    const { caller, channelId } = await connectedChannel();
    const created = await create(caller, channelId);

    await harness.send('whatsapp.delete-template', caller, { templateId: created.id });
    await harness.send('whatsapp.delete-template', caller, { templateId: created.id });

    const remote = await harness.control<{ data: Array<{ id: string }> }>('GET', '/templates');
    expect(remote.data.map((template) => template.id)).not.toContain(created.providerTemplateId);
    expect(await harness.sendExpectingError('whatsapp.get-template', caller, { templateId: created.id })).toMatchObject({ status: 404 });
    expect((await create(caller, channelId)).status).toBe('PENDING');
  });

  it('imports all 30 remote templates with page size 25', async () => {
    const { caller, channelId, wabaId } = await connectedChannel();
    await harness.control('POST', '/templates', { wabaId, count: 30, namePrefix: 'remote' });

    const first = await harness.send('whatsapp.sync-templates', caller, { channelId });
    const second = await harness.send('whatsapp.sync-templates', caller, { channelId });

    expect(first).toEqual({ listed: 30, imported: 30, updated: 0 });
    expect(second).toEqual({ listed: 30, imported: 0, updated: 0 });
    await eventually(async () => expect((await list(caller, { limit: 100 })).total).toBe(30), { timeoutMs: 20_000 });
    expect((await list(caller, { q: 'remote_30' })).items).toEqual([expect.objectContaining({ name: 'remote_30', status: 'APPROVED' })]);
  });

  it('changes nothing for a forged webhook', async () => {
    const { caller, channelId, wabaId } = await connectedChannel();
    const created = await create(caller, channelId, { name: 'forged_target' });
    const forged = statusWebhook(wabaId, created.providerTemplateId, 'DISABLED', 'forged_target', 'en_US');

    const response = await harness.postWebhook(forged, 'not-the-app-secret');

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ status: 401, code: 'WEBHOOK_SIGNATURE_INVALID', detail: 'The X-Hub-Signature-256 header does not match the body; nothing was changed.' });
    const template = await harness.send<TemplateView>('whatsapp.get-template', caller, { templateId: created.id });
    expect(template.status).not.toBe('DISABLED');
  });

  it('imports an unknown template from a status update without phone metadata', async () => {
    const { caller, wabaId } = await connectedChannel();
    const seeded = await harness.control<{ created: string[] }>('POST', '/templates', { wabaId, count: 1, namePrefix: 'made_elsewhere', status: 'APPROVED' });
    const providerTemplateId = seeded.created[0];

    const response = await harness.postWebhook(statusWebhook(wabaId, providerTemplateId, 'PAUSED', 'made_elsewhere_1', 'en_US', 'Low quality'));
    const redelivery = await harness.postWebhook(statusWebhook(wabaId, providerTemplateId, 'PAUSED', 'made_elsewhere_1', 'en_US', 'Low quality'));

    expect(response.status).toBe(200);
    expect(redelivery.status).toBe(200);
    await eventually(async () => {
      const page = await list(caller, { q: 'made_elsewhere' });
      expect(page.items).toEqual([expect.objectContaining({ name: 'made_elsewhere_1', providerTemplateId, status: 'PAUSED', version: 2 })]);
    }, { timeoutMs: 20_000 });
  });

  it('answers the verification challenge', async () => {
    const ok = await fetch(`${harness.httpUrl}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=int-test-verify-token&hub.challenge=1158201444`);
    const wrong = await fetch(`${harness.httpUrl}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444`);

    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    expect(wrong.status).toBe(403);
  });
});

function statusWebhook(wabaId: string, providerTemplateId: string, event: string, name: string, language: string, reason = 'NONE') {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: wabaId,
        time: Math.floor(Date.now() / 1000),
        changes: [
          {
            field: 'message_template_status_update',
            value: { event, message_template_id: Number(providerTemplateId), message_template_name: name, message_template_language: language, reason },
          },
        ],
      },
    ],
  };
}
