import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readConfig } from './config';
import { WhatsAppSimulator } from './simulator';

const token = 'simulator-access-token';
const wabaId = '100000000000001';
const secret = 'test-secret';

let simulator: WhatsAppSimulator;
let base: string;
let receiver: Server;
let received: Array<{ body: string; signature?: string }>;
let waiters: Array<() => void>;

function graph(method: string, path: string, body?: unknown, accessToken = token) {
  return fetch(`${base}/v23.0${path}`, {
    method,
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

function control(method: string, path: string, body?: unknown) {
  return fetch(`${base}/__control${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
}

const template = (name: string, text = 'Hello {{1}}, your order shipped.') => ({
  name,
  language: 'id',
  category: 'UTILITY',
  components: [{ type: 'BODY', text, example: { body_text: [['Budi']] } }],
});

/** Resolves when the receiver got `count` webhooks; fails after two seconds. */
function webhooksReceived(count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(`expected ${count} webhook(s), got ${received.length}`)), 2_000);
    const check = () => {
      if (received.length >= count) {
        clearTimeout(deadline);
        resolve();
        return true;
      }
      return false;
    };
    if (!check()) {
      waiters.push(() => void check());
    }
  });
}

beforeAll(async () => {
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), signature: request.headers['x-hub-signature-256'] as string });
      response.end('ok');
      waiters.forEach((waiter) => waiter());
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

beforeEach(async () => {
  received = [];
  waiters = [];
  const config = readConfig({ WHATSAPP_SIMULATOR_APP_SECRET: secret, WHATSAPP_SIMULATOR_REVIEW_DELAY_MS: '20', WHATSAPP_SIMULATOR_REJECT_MARKER: 'REJECTME' });
  config.webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhook`;
  simulator = new WhatsAppSimulator(config);
  base = await simulator.start(0);
});

afterEach(async () => {
  await simulator.stop();
});

describe('WhatsAppSimulator phone numbers', () => {
  it('returns the phone number', async () => {
    const response = await graph('GET', '/200000000000001');

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: '200000000000001', display_phone_number: '+62 811-0000-0001' });
  });

  it('rejects an unknown token with 190', async () => {
    const response = await graph('GET', '/200000000000001', undefined, 'wrong');

    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 190 } });
  });

  it('reports an expired token with subcode 463', async () => {
    await control('POST', '/tokens/expire', { accessToken: token });
    const response = await graph('GET', '/200000000000001');

    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 190, error_subcode: 463 } });
  });

  it('rejects an unknown id with 100', async () => {
    const response = await graph('GET', '/999');

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 100, error_subcode: 33 } });
  });
});

describe('WhatsAppSimulator templates', () => {
  it('creates a PENDING template', async () => {
    const response = await graph('POST', `/${wabaId}/message_templates`, template('order_shipped'));

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'PENDING', category: 'UTILITY' });
  });

  it('rejects a duplicate name and language', async () => {
    await graph('POST', `/${wabaId}/message_templates`, template('order_shipped'));
    const response = await graph('POST', `/${wabaId}/message_templates`, template('order_shipped'));

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 100, error_subcode: 2388024 } });
  });

  it('rejects an invalid name', async () => {
    const response = await graph('POST', `/${wabaId}/message_templates`, template('Order Shipped'));

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 100, error_user_title: 'Invalid template name' } });
  });

  it('sends a signed APPROVED webhook', async () => {
    const created = (await (await graph('POST', `/${wabaId}/message_templates`, template('order_shipped'))).json()) as { id: string };
    await webhooksReceived(1);

    const expected = `sha256=${createHmac('sha256', secret).update(received[0].body).digest('hex')}`;
    expect(received[0].signature).toBe(expected);
    expect(JSON.parse(received[0].body)).toMatchObject({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: wabaId,
          changes: [
            {
              field: 'message_template_status_update',
              value: { event: 'APPROVED', message_template_id: Number(created.id), message_template_name: 'order_shipped', reason: 'NONE' },
            },
          ],
        },
      ],
    });
  });

  it('rejects a body with the marker', async () => {
    await graph('POST', `/${wabaId}/message_templates`, template('bad_one', 'Buy now REJECTME {{1}} today.'));
    await webhooksReceived(1);

    expect(JSON.parse(received[0].body).entry[0].changes[0].value).toMatchObject({ event: 'REJECTED', reason: 'ABUSIVE_CONTENT' });
  });

  it('pages 30 seeded templates by 25', async () => {
    await control('POST', '/templates', { count: 30 });
    const first = (await (await graph('GET', `/${wabaId}/message_templates`)).json()) as {
      data: unknown[];
      paging: { cursors: { after: string }; next?: string };
    };
    const second = (await (await graph('GET', `/${wabaId}/message_templates?after=${first.paging.cursors.after}`)).json()) as {
      data: unknown[];
      paging: { next?: string };
    };

    expect(first.data).toHaveLength(25);
    expect(first.paging.next).toContain('after=');
    expect(second.data).toHaveLength(5);
    expect(second.paging.next).toBeUndefined();
  });

  it('deletes by name and then reports it missing', async () => {
    await graph('POST', `/${wabaId}/message_templates`, template('order_shipped'));

    const deleted = await graph('DELETE', `/${wabaId}/message_templates?name=order_shipped`);
    const again = await graph('DELETE', `/${wabaId}/message_templates?name=order_shipped`);

    expect(await deleted.json()).toEqual({ success: true });
    expect(again.status).toBe(400);
  });

  it('edits an approved template back to PENDING', async () => {
    const created = (await (await graph('POST', `/${wabaId}/message_templates`, template('order_shipped'))).json()) as { id: string };
    await webhooksReceived(1);

    const response = await graph('POST', `/${created.id}`, { components: template('x', 'Hi {{1}}, it shipped.').components });
    const state = (await (await fetch(`${base}/__control/templates`)).json()) as { data: Array<{ id: string; status: string }> };

    expect(await response.json()).toEqual({ success: true });
    expect(state.data.find((entry) => entry.id === created.id)?.status).toBe('PENDING');
  });
});

describe('WhatsAppSimulator faults', () => {
  it('injects a 429 with Retry-After', async () => {
    await control('POST', '/faults', { status: 429, count: 1, retryAfterSeconds: 9 });

    const limited = await graph('GET', '/200000000000001');
    const next = await graph('GET', '/200000000000001');

    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('9');
    expect(await limited.json()).toMatchObject({ error: { code: 130429 } });
    expect(next.status).toBe(200);
  });

  it('injects 5xx for the given count', async () => {
    await control('POST', '/faults', { status: 503, count: 2 });

    const statuses = [];
    for (let i = 0; i < 3; i += 1) {
      statuses.push((await graph('GET', '/200000000000001')).status);
    }

    expect(statuses).toEqual([503, 503, 200]);
  });
});
