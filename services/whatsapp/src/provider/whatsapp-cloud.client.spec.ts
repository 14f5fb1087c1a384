import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WhatsAppCloudClient, type RetryInfo } from './whatsapp-cloud.client';
import {
  WhatsAppAccessTokenError,
  WhatsAppApiError,
  WhatsAppRateLimitedError,
  WhatsAppUnavailableError,
} from './whatsapp-cloud.errors';

interface RecordedRequest {
  method: string;
  url: string;
  authorization?: string;
  body: string;
}

type Handler = (request: RecordedRequest, response: ServerResponse) => void;

let server: Server;
let baseUrl: string;
let handlers: Handler[];
let requests: RecordedRequest[];
let retries: RetryInfo[];

function reply(status: number, body: unknown, headers: Record<string, string> = {}): Handler {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };
}

const graphError = (code: number, message: string, subcode?: number) => ({
  error: { message, type: 'OAuthException', code, error_subcode: subcode, fbtrace_id: 'trace-1' },
});

beforeAll(async () => {
  server = createServer((incoming: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const request = {
        method: incoming.method ?? '',
        url: incoming.url ?? '',
        authorization: incoming.headers.authorization,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      const handler = handlers.shift() ?? reply(500, graphError(1, 'no handler left in the test'));
      handler(request, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  handlers = [];
  requests = [];
  retries = [];
});

function client(options: { timeoutMs?: number; maxRetries?: number } = {}): WhatsAppCloudClient {
  return new WhatsAppCloudClient({
    baseUrl: `${baseUrl}/`,
    apiVersion: 'v23.0',
    timeoutMs: options.timeoutMs ?? 1_000,
    maxRetries: options.maxRetries ?? 2,
    sleep: async () => undefined,
    onRetry: (retry) => retries.push(retry),
  });
}

describe('WhatsAppCloudClient getPhoneNumber', () => {
  it('sends the token and versioned path', async () => {
    const phone = { id: '200', display_phone_number: '+62 811-0000-0001', verified_name: 'Regu' };
    handlers.push(reply(200, phone));

    await expect(client().getPhoneNumber('token-1', '200')).resolves.toEqual(phone);
    expect(requests[0].method).toBe('GET');
    expect(requests[0].url).toBe('/v23.0/200?fields=id%2Cdisplay_phone_number%2Cverified_name%2Cquality_rating');
    expect(requests[0].authorization).toBe('Bearer token-1');
  });

  it('reports an expired token', async () => {
    handlers.push(reply(401, graphError(190, 'Error validating access token: Session has expired', 463)));

    const error = await client().getPhoneNumber('token-1', '200').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(WhatsAppAccessTokenError);
    expect(error).toMatchObject({ httpStatus: 401, code: 190, subcode: 463, problem: 'TOKEN_EXPIRED', fbtraceId: 'trace-1' });
    expect(requests).toHaveLength(1);
  });

  it.each([
    [460, 'TOKEN_REVOKED'],
    [undefined, 'TOKEN_INVALID'],
  ])('maps code 190 subcode %s to %s', async (subcode, problem) => {
    handlers.push(reply(401, graphError(190, 'Invalid OAuth access token', subcode)));

    await expect(client().getPhoneNumber('token-1', '200')).rejects.toMatchObject({ problem });
  });

  it('reports an unknown id as an API error', async () => {
    handlers.push(reply(400, graphError(100, 'Unsupported get request', 33)));

    const error = await client().getPhoneNumber('token-1', '999').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(WhatsAppApiError);
    expect(error).not.toBeInstanceOf(WhatsAppAccessTokenError);
    expect(error).toMatchObject({ httpStatus: 400, code: 100, subcode: 33 });
    expect(requests).toHaveLength(1);
  });
});

describe('WhatsAppCloudClient retries', () => {
  it('retries 5xx until success', async () => {
    handlers.push(reply(503, graphError(2, 'Service temporarily unavailable')), reply(500, {}), reply(200, { id: '200' }));

    await expect(client().getPhoneNumber('token-1', '200')).resolves.toEqual({ id: '200' });
    expect(requests).toHaveLength(3);
    expect(retries.map((retry) => [retry.attempt, retry.reason])).toEqual([
      [1, 'HTTP 503'],
      [2, 'HTTP 500'],
    ]);
  });

  it('backs off exponentially', async () => {
    handlers.push(reply(503, {}), reply(503, {}), reply(200, {}));
    const delays: number[] = [];
    const backoffClient = new WhatsAppCloudClient({
      baseUrl,
      apiVersion: 'v23.0',
      backoffBaseMs: 100,
      sleep: async (ms) => {
        delays.push(ms);
      },
    });

    await backoffClient.getPhoneNumber('token-1', '200');

    expect(delays[0]).toBeGreaterThanOrEqual(100);
    expect(delays[0]).toBeLessThanOrEqual(120);
    expect(delays[1]).toBeGreaterThanOrEqual(200);
    expect(delays[1]).toBeLessThanOrEqual(240);
  });

  it('gives up after the last retry', async () => {
    handlers.push(reply(502, {}), reply(502, {}), reply(502, graphError(1, 'An unknown error occurred')));

    const error = await client().getPhoneNumber('token-1', '200').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(WhatsAppApiError);
    expect(error).toMatchObject({ httpStatus: 502, code: 1 });
    expect(requests).toHaveLength(3);
  });

  it('retries a dropped connection', async () => {
    handlers.push((_request, response) => response.socket?.destroy(), reply(200, { id: '200' }));

    await expect(client().getPhoneNumber('token-1', '200')).resolves.toEqual({ id: '200' });
    expect(requests).toHaveLength(2);
  });

  it('times out each attempt', async () => {
    const slow: Handler = (_request, response) => {
      setTimeout(() => reply(200, {})(_request, response), 300);
    };
    handlers.push(slow, slow);

    const error = await client({ timeoutMs: 50, maxRetries: 1 }).getPhoneNumber('token-1', '200').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(WhatsAppUnavailableError);
    expect(error).toMatchObject({ attempts: 2 });
    expect(retries[0].reason).toBe('timed out');
  });

  it('does not retry a 4xx', async () => {
    handlers.push(reply(400, graphError(100, 'Invalid parameter')));

    await expect(client().createTemplate('token-1', '100', { name: 'x', language: 'id', category: 'UTILITY', components: [] })).rejects.toBeInstanceOf(
      WhatsAppApiError,
    );
    expect(requests).toHaveLength(1);
  });
});

describe('WhatsAppCloudClient rate limits', () => {
  it('reads Retry-After of an HTTP 429', async () => {
    handlers.push(reply(429, graphError(130429, 'Rate limit hit'), { 'retry-after': '7' }));

    const error = await client().getPhoneNumber('token-1', '200').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(WhatsAppRateLimitedError);
    expect(error).toMatchObject({ httpStatus: 429, retryAfterSeconds: 7 });
    expect(requests).toHaveLength(1);
  });

  it('treats throttling codes as rate limits', async () => {
    const usage = JSON.stringify({ '100': [{ type: 'whatsapp_business_management', estimated_time_to_regain_access: 3 }] });
    handlers.push(reply(400, graphError(80007, 'Rate limit issues'), { 'x-business-use-case-usage': usage }));

    const error = await client().listTemplates('token-1', '100').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(WhatsAppRateLimitedError);
    expect(error).toMatchObject({ code: 80007, retryAfterSeconds: 180 });
  });

  it('defaults the retry time', async () => {
    handlers.push(reply(429, {}));

    await expect(client().getPhoneNumber('token-1', '200')).rejects.toMatchObject({ retryAfterSeconds: 60 });
  });
});

describe('WhatsAppCloudClient templates', () => {
  it('creates a template with a JSON body', async () => {
    handlers.push(reply(200, { id: '900', status: 'PENDING', category: 'UTILITY' }));
    const template = { name: 'order_shipped', language: 'id', category: 'UTILITY', components: [{ type: 'BODY' as const, text: 'Hi' }] };

    await expect(client().createTemplate('token-1', '100', template)).resolves.toEqual({ id: '900', status: 'PENDING', category: 'UTILITY' });
    expect(requests[0].method).toBe('POST');
    expect(requests[0].url).toBe('/v23.0/100/message_templates');
    expect(JSON.parse(requests[0].body)).toEqual(template);
  });

  it('follows paging to the last page', async () => {
    const page = (from: number, count: number, after?: string) => ({
      data: Array.from({ length: count }, (_, i) => ({ id: String(from + i), name: `t_${from + i}` })),
      paging: { cursors: { before: 'b', after: after ?? 'last' }, ...(after ? { next: `${baseUrl}/v23.0/100/message_templates?after=${after}` } : {}) },
    });
    handlers.push(reply(200, page(0, 25, 'cursor-25')), reply(200, page(25, 5)));

    const templates = await client().listAllTemplates('token-1', '100', 25);

    expect(templates).toHaveLength(30);
    expect(requests.map((request) => request.url)).toEqual([
      '/v23.0/100/message_templates?limit=25',
      '/v23.0/100/message_templates?limit=25&after=cursor-25',
    ]);
  });

  it('stops when a cursor repeats', async () => {
    const looping = { data: [{ id: '1' }], paging: { cursors: { after: 'same' }, next: `${baseUrl}/next` } };
    handlers.push(reply(200, looping), reply(200, looping));

    await expect(client().listAllTemplates('token-1', '100')).resolves.toHaveLength(2);
    expect(requests).toHaveLength(2);
  });

  it('deletes by name and template id', async () => {
    handlers.push(reply(200, { success: true }));

    await expect(client().deleteTemplate('token-1', '100', 'order_shipped', '900')).resolves.toEqual({ success: true });
    expect(requests[0].method).toBe('DELETE');
    expect(requests[0].url).toBe('/v23.0/100/message_templates?name=order_shipped&hsm_id=900');
  });

  it('edits a template by its id', async () => {
    handlers.push(reply(200, { success: true }));

    await client().editTemplate('token-1', '900', { components: [{ type: 'BODY', text: 'Hi there' }] });

    expect(requests[0].url).toBe('/v23.0/900');
    expect(JSON.parse(requests[0].body)).toEqual({ components: [{ type: 'BODY', text: 'Hi there' }] });
  });
});
