import { readConfig } from '../../../../tools/whatsapp-simulator/src/config';
import { WhatsAppSimulator } from '../../../../tools/whatsapp-simulator/src/simulator';
import { WhatsAppCloudClient } from './whatsapp-cloud.client';
import { WhatsAppAccessTokenError, WhatsAppRateLimitedError } from './whatsapp-cloud.errors';

const token = 'simulator-access-token';
const wabaId = '100000000000001';

let simulator: WhatsAppSimulator;
let client: WhatsAppCloudClient;

beforeEach(async () => {
  simulator = new WhatsAppSimulator(readConfig({ WHATSAPP_SIMULATOR_REVIEW_DELAY_MS: '60000', WHATSAPP_SIMULATOR_WEBHOOK_URL: '' }));
  const baseUrl = await simulator.start(0);
  client = new WhatsAppCloudClient({ baseUrl, apiVersion: 'v23.0', sleep: async () => undefined });
});

afterEach(async () => {
  await simulator.stop();
});

async function control(path: string, body: unknown): Promise<void> {
  await fetch(`${simulator.url}/__control${path}`, { method: 'POST', body: JSON.stringify(body) });
}

describe('WhatsAppCloudClient against the simulator', () => {
  it('syncs 30 templates with page size 25', async () => {
    await control('/templates', { count: 30 });

    const templates = await client.listAllTemplates(token, wabaId, 25);

    expect(templates).toHaveLength(30);
    expect(new Set(templates.map((template) => template.name)).size).toBe(30);
  });

  it('reports an expired token', async () => {
    await control('/tokens/expire', { accessToken: token });

    await expect(client.getPhoneNumber(token, '200000000000001')).rejects.toBeInstanceOf(WhatsAppAccessTokenError);
    await expect(client.getPhoneNumber(token, '200000000000001')).rejects.toMatchObject({ problem: 'TOKEN_EXPIRED' });
  });

  it('retries injected 5xx', async () => {
    await control('/faults', { status: 500, count: 2 });

    await expect(client.getPhoneNumber(token, '200000000000001')).resolves.toMatchObject({ id: '200000000000001' });
  });

  it('surfaces an injected 429', async () => {
    await control('/faults', { status: 429, count: 1, retryAfterSeconds: 12 });

    const error = await client.listTemplates(token, wabaId).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(WhatsAppRateLimitedError);
    expect(error).toMatchObject({ retryAfterSeconds: 12 });
  });

  it('creates and deletes a template', async () => {
    const created = await client.createTemplate(token, wabaId, {
      name: 'order_shipped',
      language: 'id',
      category: 'UTILITY',
      components: [{ type: 'BODY', text: 'Hi {{1}}, shipped.', example: { body_text: [['Budi']] } }],
    });

    expect(created.status).toBe('PENDING');
    await expect(client.deleteTemplate(token, wabaId, 'order_shipped', created.id)).resolves.toEqual({ success: true });
  });
});
