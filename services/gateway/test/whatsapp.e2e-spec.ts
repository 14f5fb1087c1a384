import { randomUUID } from 'node:crypto';
import { ApiClient, eventually, IdentityTcpClient, type SimulatorAccount, TestOrganization, type TestUser, WhatsAppSimulatorControl } from '@regu/testing';

const api = new ApiClient();
const identity = new IdentityTcpClient();
const simulator = new WhatsAppSimulatorControl();

/** How long a test waits for the simulator's review webhook and the projections, with room for a busy machine. */
const DEADLINE = { timeoutMs: 30_000, intervalMs: 250 };

interface ChannelBody {
  id: string;
  displayName: string;
  phoneNumber: string;
  wabaId: string;
  phoneNumberId: string;
  status: string;
  reconnectionReason?: string;
  version: number;
}

interface TemplateBody {
  id: string;
  channelId: string;
  wabaId: string;
  providerTemplateId: string;
  name: string;
  category: string;
  language: string;
  message: Record<string, unknown>;
  samples: Record<string, unknown>;
  status: string;
  rejectionReason?: string;
  version: number;
}

interface Page<T> {
  items: T[];
  total: number;
}

let organization: TestOrganization;
let supervisor: TestUser;
let account: SimulatorAccount;
let rejectMarker: string;
let admin: string;
let channel: ChannelBody;
/** A prefix that makes this run's template names unique, in lowercase letters and digits as WhatsApp requires. */
let prefix: string;

function connectBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { displayName: 'Customer care', phoneNumber: account.phoneNumber, wabaId: account.wabaId, phoneNumberId: account.phoneNumberId, accessToken: account.accessToken, ...overrides };
}

function orderShipped(name: string): Record<string, unknown> {
  return {
    channelId: channel.id,
    name,
    category: 'UTILITY',
    language: 'id',
    message: {
      header: { format: 'TEXT', text: 'Order {{1}}' },
      body: 'Hello {{1}}, your order {{2}} has shipped.',
      footer: 'Regu Store',
      buttons: [
        { type: 'URL', text: 'Track', url: 'https://shop.example.com/track/{{1}}' },
        { type: 'QUICK_REPLY', text: 'Thanks' },
      ],
    },
    samples: { header: ['A-1001'], body: ['Budi', 'A-1001'], buttons: { 0: 'A-1001' } },
  };
}

async function readTemplate(id: string): Promise<TemplateBody> {
  const response = await api.get<TemplateBody>(`/templates/${id}`, { token: admin });
  expect(response.status).toBe(200);
  return response.body;
}

async function listTemplates(query: string): Promise<string[]> {
  const response = await api.get<Page<TemplateBody>>(`/templates?${query}`, { token: admin });
  expect(response.status).toBe(200);
  return response.body.items.map((template) => template.name).sort();
}

beforeAll(async () => {
  organization = await TestOrganization.create({ api, identity });
  supervisor = await organization.addUser('supervisor');
  admin = organization.admin.token;
  account = await simulator.addAccount();
  rejectMarker = (await simulator.config()).rejectMarker;
  prefix = `e2e${randomUUID().replace(/-/g, '').slice(0, 10)}`;
});

afterAll(() => identity.close());

describe('WhatsApp channel and templates through the gateway', () => {
  it('rejects a token WhatsApp does not accept', async () => {
    const response = await api.post('/channels/whatsapp', { token: admin, body: connectBody({ accessToken: `wrong-${randomUUID()}` }) });

    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'CHANNEL_TOKEN_REJECTED', status: 422 });
    expect(JSON.stringify(response.body)).not.toContain(account.accessToken);
  });

  it('connects a number', async () => {
    const response = await api.post<ChannelBody>('/channels/whatsapp', { token: admin, body: connectBody() });

    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      displayName: 'Customer care',
      phoneNumber: account.phoneNumber,
      wabaId: account.wabaId,
      phoneNumberId: account.phoneNumberId,
      status: 'CONNECTED',
      version: 1,
    });
    expect(response.headers.get('location')).toBe(`/api/v1/channels/whatsapp/${response.body.id}`);
    channel = response.body;

    const again = await api.post('/channels/whatsapp', { token: admin, body: connectBody({ displayName: 'Twice' }) });
    expect(again.status).toBe(409);
    await eventually(async () => {
      const list = await api.get<Page<ChannelBody>>('/channels/whatsapp', { token: supervisor.token });
      expect(list.body.items).toEqual([channel]);
    }, DEADLINE);
  });

  it('checks the details step on its own', async () => {
    const valid = await api.post('/templates/details-check', { token: admin, body: { channelId: channel.id, name: `${prefix}_order_shipped`, category: 'UTILITY', language: 'id' } });
    const broken = await api.post('/templates/details-check', { token: admin, body: { channelId: channel.id, name: 'Order Shipped!', category: 'PROMOTION', language: 'xx_YY' } });
    const missing = await api.post('/templates/details-check', { token: admin, body: { channelId: channel.id, category: 'UTILITY', language: 'id' } });

    expect(valid.status).toBe(200);
    expect(valid.body).toEqual({ valid: true });
    expect(broken.status).toBe(422);
    expect(broken.body).toMatchObject({
      code: 'TEMPLATE_RULES_BROKEN',
      errors: [
        { field: 'name', code: 'TEMPLATE_NAME_INVALID_CHARACTERS' },
        { field: 'category', code: 'TEMPLATE_CATEGORY_UNKNOWN' },
        { field: 'language', code: 'TEMPLATE_LANGUAGE_UNSUPPORTED' },
      ],
    });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'name', code: 'FIELD_REQUIRED', message: 'field is required' }] });
  });

  it('renders the preview with the sample values', async () => {
    const { message, samples } = orderShipped('unused');

    const response = await api.post('/templates/preview', { token: admin, body: { message, samples } });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      header: { format: 'TEXT', text: 'Order A-1001' },
      body: 'Hello Budi, your order A-1001 has shipped.',
      footer: 'Regu Store',
      buttons: [
        { type: 'URL', text: 'Track', url: 'https://shop.example.com/track/A-1001' },
        { type: 'QUICK_REPLY', text: 'Thanks' },
      ],
    });
  });

  it('rejects a broken message with the component and rule', async () => {
    const body = orderShipped(`${prefix}_broken`);
    const response = await api.post('/templates', {
      token: admin,
      body: { ...body, message: { body: 'Your code is {{1}}', footer: 'Code {{1}}' }, samples: { body: ['1234'] } },
    });

    expect(response.status).toBe(422);
    expect(response.body).toEqual({
      type: 'urn:regu:problem:template-rules-broken',
      title: 'Unprocessable Content',
      status: 422,
      detail: 'The template breaks WhatsApp rules; see errors for each component and how to fix it.',
      code: 'TEMPLATE_RULES_BROKEN',
      correlationId: expect.any(String),
      instance: '/api/v1/templates',
      errors: [
        { field: 'message.body', code: 'TEMPLATE_VARIABLE_AT_BODY_END', message: 'The body ends with the variable {{1}}; add text after it.' },
        { field: 'message.footer', code: 'TEMPLATE_FOOTER_HAS_VARIABLES', message: 'The footer cannot contain variables; remove every {{n}} from it.' },
      ],
    });
  });

  it('rejects a message without a body as a missing field', async () => {
    const body = orderShipped(`${prefix}_no_body`);
    const response = await api.post('/templates', { token: admin, body: { ...body, message: { footer: 'Regu Store' } } });

    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      type: 'urn:regu:problem:validation-failed',
      title: 'Bad Request',
      status: 400,
      detail: 'The request has invalid fields; see errors for each one.',
      code: 'VALIDATION_FAILED',
      correlationId: expect.any(String),
      instance: '/api/v1/templates',
      errors: [{ field: 'message.body', code: 'FIELD_REQUIRED', message: 'field is required' }],
    });
  });

  it('submits templates whose status follows the webhooks', async () => {
    const approved = await api.post<TemplateBody>('/templates', { token: admin, body: orderShipped(`${prefix}_order_shipped`) });
    const rejectedBody = orderShipped(`${prefix}_flash_sale`);
    const rejected = await api.post<TemplateBody>('/templates', {
      token: admin,
      body: { ...rejectedBody, category: 'MARKETING', message: { body: `Flash sale {{1}} today only ${rejectMarker} for you.` }, samples: { body: ['Budi'] } },
    });

    expect(approved.status).toBe(201);
    expect(approved.body).toMatchObject({ name: `${prefix}_order_shipped`, channelId: channel.id, wabaId: account.wabaId, status: 'PENDING', version: 1 });
    expect(approved.headers.get('etag')).toBe('"1"');
    expect(rejected.status).toBe(201);
    const duplicate = await api.post('/templates', { token: admin, body: orderShipped(`${prefix}_order_shipped`) });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ code: 'TEMPLATE_NAME_ALREADY_USED' });

    await eventually(async () => {
      expect(await readTemplate(approved.body.id)).toMatchObject({ status: 'APPROVED' });
    }, DEADLINE);
    await eventually(async () => {
      const template = await readTemplate(rejected.body.id);
      expect(template.status).toBe('REJECTED');
      expect(template.rejectionReason).toBe('ABUSIVE_CONTENT');
    }, DEADLINE);
    const atProvider = await simulator.templates(account.wabaId);
    expect(atProvider.map((template) => [template.name, template.status]).sort()).toEqual([
      [`${prefix}_flash_sale`, 'REJECTED'],
      [`${prefix}_order_shipped`, 'APPROVED'],
    ]);
  });

  it('searches over name and body, and filters', async () => {
    const welcome = await api.post<TemplateBody>('/templates', {
      token: admin,
      body: { ...orderShipped(`${prefix}_welcome`), language: 'en_US', message: { body: 'Welcome aboard {{1}}, we are glad you joined.' }, samples: { body: ['Budi'] } },
    });
    expect(welcome.status).toBe(201);

    await eventually(async () => {
      expect(await listTemplates(`q=${prefix.toUpperCase()}`)).toEqual([`${prefix}_flash_sale`, `${prefix}_order_shipped`, `${prefix}_welcome`]);
    }, DEADLINE);
    await eventually(async () => {
      expect(await listTemplates(`q=${prefix}&status=APPROVED`)).toEqual([`${prefix}_order_shipped`, `${prefix}_welcome`]);
    }, DEADLINE);
    expect(await listTemplates(`q=${encodeURIComponent('HAS SHIPPED')}&channelId=${channel.id}`)).toEqual([`${prefix}_order_shipped`]);
    expect(await listTemplates(`q=${prefix}&category=MARKETING`)).toEqual([`${prefix}_flash_sale`]);
    expect(await listTemplates(`q=${prefix}&language=en_US`)).toEqual([`${prefix}_welcome`]);
    expect(await listTemplates(`q=${prefix}&status=REJECTED&category=UTILITY`)).toEqual([]);
    expect(await listTemplates(`q=${encodeURIComponent('.*')}&channelId=${channel.id}`)).toEqual([]);
    const paged = await api.get<Page<TemplateBody>>(`/templates?q=${prefix}&limit=2&offset=2`, { token: supervisor.token });
    expect(paged.body.total).toBe(3);
    expect(paged.body.items.map((template) => template.name)).toEqual([`${prefix}_welcome`]);
  });

  it('edits an approved template, which WhatsApp reviews again', async () => {
    const [summary] = (await api.get<Page<TemplateBody>>(`/templates?q=${prefix}_order_shipped`, { token: admin })).body.items;
    const current = await readTemplate(summary.id);
    const message = { ...current.message, body: 'Hi {{1}}, order {{2}} is on its way.' };

    const stale = await api.patch(`/templates/${current.id}`, { token: admin, body: { message, samples: current.samples }, headers: { 'if-match': `"${current.version - 1}"` } });
    const edited = await api.patch<TemplateBody>(`/templates/${current.id}`, { token: admin, body: { message, samples: current.samples }, headers: { 'if-match': `"${current.version}"` } });

    expect(stale.status).toBe(412);
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ status: 'PENDING', message: { body: 'Hi {{1}}, order {{2}} is on its way.' }, version: current.version + 1 });
    const whilePending = await api.patch(`/templates/${current.id}`, { token: admin, body: { message, samples: current.samples } });
    expect(whilePending.status).toBe(409);
    expect(whilePending.body).toMatchObject({ code: 'TEMPLATE_NOT_EDITABLE' });
    await eventually(async () => {
      expect(await readTemplate(current.id)).toMatchObject({ status: 'APPROVED', message: { body: 'Hi {{1}}, order {{2}} is on its way.' } });
    }, DEADLINE);
    await eventually(async () => {
      expect(await listTemplates(`q=${encodeURIComponent('on its way')}&channelId=${channel.id}`)).toEqual([`${prefix}_order_shipped`]);
    }, DEADLINE);
  });

  it('deletes a template idempotently and frees its name', async () => {
    const [summary] = (await api.get<Page<TemplateBody>>(`/templates?q=${prefix}_welcome`, { token: admin })).body.items;

    const first = await api.delete(`/templates/${summary.id}`, { token: admin });
    const second = await api.delete(`/templates/${summary.id}`, { token: admin });

    expect(first.status).toBe(204);
    expect(second.status).toBe(204);
    expect((await api.get(`/templates/${summary.id}`, { token: admin })).status).toBe(404);
    expect((await simulator.templates(account.wabaId)).map((template) => template.name)).not.toContain(`${prefix}_welcome`);
    await eventually(async () => {
      expect(await listTemplates(`q=${prefix}_welcome`)).toEqual([]);
    }, DEADLINE);
    const reused = await api.post('/templates', {
      token: admin,
      body: { ...orderShipped(`${prefix}_welcome`), language: 'en_US', message: { body: 'Welcome back {{1}}, good to see you.' }, samples: { body: ['Budi'] } },
    });
    expect(reused.status).toBe(201);
  });

  it('marks an expired token for reconnection', async () => {
    await simulator.expireToken(account.accessToken);

    const blocked = await api.post('/templates', { token: admin, body: orderShipped(`${prefix}_after_expiry`) });

    expect(blocked.status).toBe(422);
    expect(blocked.body).toMatchObject({ code: 'CHANNEL_TOKEN_REJECTED' });
    await eventually(async () => {
      const read = await api.get<ChannelBody>(`/channels/whatsapp/${channel.id}`, { token: admin });
      expect(read.body).toMatchObject({ status: 'NEEDS_RECONNECTION', reconnectionReason: 'TOKEN_EXPIRED' });
    }, DEADLINE);
    await eventually(async () => {
      const list = await api.get<Page<ChannelBody>>('/channels/whatsapp?status=NEEDS_RECONNECTION', { token: admin });
      expect(list.body.items.map((item) => item.id)).toEqual([channel.id]);
    }, DEADLINE);
    const whileExpired = await api.post('/templates', { token: admin, body: orderShipped(`${prefix}_after_expiry`) });
    expect(whileExpired.status).toBe(409);
    expect(whileExpired.body).toMatchObject({ code: 'CHANNEL_NEEDS_RECONNECTION' });

    account = await simulator.addToken(account);
    const current = await api.get<ChannelBody>(`/channels/whatsapp/${channel.id}`, { token: admin });
    const renewed = await api.patch<ChannelBody>(`/channels/whatsapp/${channel.id}`, {
      token: admin,
      body: { accessToken: account.accessToken },
      headers: { 'if-match': current.headers.get('etag') ?? '' },
    });
    expect(renewed.status).toBe(200);
    expect(renewed.body).toMatchObject({ id: channel.id, status: 'CONNECTED' });
    expect(renewed.body).not.toHaveProperty('reconnectionReason');
    expect(JSON.stringify(renewed.body)).not.toContain(account.accessToken);
  });

  it('lets a supervisor read but not change templates', async () => {
    const list = await api.get('/templates', { token: supervisor.token });
    const create = await api.post('/templates', { token: supervisor.token, body: orderShipped(`${prefix}_by_supervisor`) });
    const disconnect = await api.delete(`/channels/whatsapp/${channel.id}`, { token: supervisor.token });

    expect(list.status).toBe(200);
    expect(create.status).toBe(403);
    expect(disconnect.status).toBe(403);
  });

  it('disconnects the number and connects it again', async () => {
    const first = await api.delete(`/channels/whatsapp/${channel.id}`, { token: admin });
    const second = await api.delete(`/channels/whatsapp/${channel.id}`, { token: admin });

    expect(first.status).toBe(204);
    expect(second.status).toBe(204);
    const read = await api.get<ChannelBody>(`/channels/whatsapp/${channel.id}`, { token: admin });
    expect(read.body).toMatchObject({ id: channel.id, status: 'DISCONNECTED' });

    const reconnected = await api.post<ChannelBody>('/channels/whatsapp', { token: admin, body: connectBody({ displayName: 'Customer care again' }) });
    expect(reconnected.status).toBe(201);
    expect(reconnected.body).toMatchObject({ phoneNumber: account.phoneNumber, status: 'CONNECTED', version: 1 });
    expect(reconnected.body.id).not.toBe(channel.id);
    await eventually(async () => {
      const connected = await api.get<Page<ChannelBody>>('/channels/whatsapp?status=CONNECTED', { token: admin });
      expect(connected.body.items.map((item) => item.id)).toEqual([reconnected.body.id]);
    }, DEADLINE);

    expect((await api.delete(`/channels/whatsapp/${reconnected.body.id}`, { token: admin })).status).toBe(204);
  });
});
