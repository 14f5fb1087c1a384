import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SimulatorAccount, SimulatorConfig } from './config';
import { graphErrors, type GraphErrorAnswer } from './graph-errors';
import { sendWebhook, type WebhookDelivery } from './webhook-sender';

export interface SimulatedTemplate {
  id: string;
  wabaId: string;
  name: string;
  language: string;
  category: string;
  status: string;
  components: Array<Record<string, unknown> & { type: string; text?: string; buttons?: unknown[] }>;
  rejected_reason?: string;
}

/** A fault injected through the control endpoint: the next `count` Graph API requests get it. */
interface Fault {
  status: number;
  remaining: number;
  retryAfterSeconds: number;
}

const CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'];
const REVIEW_STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'PAUSED', 'DISABLED'];
const NAME_PATTERN = /^[a-z0-9_]{1,512}$/;
const LANGUAGE_PATTERN = /^[a-z]{2,3}(_[A-Z]{2})?$/;

class HttpError extends Error {
  constructor(readonly answer: GraphErrorAnswer) {
    super(answer.body.error.message);
  }
}

/**
 * An in-memory stand-in for the parts of Meta's WhatsApp Cloud API that Regu uses:
 * phone number lookup, template create, list, edit and delete, and signed
 * `message_template_status_update` webhooks. State is lost when it stops.
 */
export class WhatsAppSimulator {
  private server?: Server;
  private readonly accounts = new Map<string, SimulatorAccount>();
  private readonly expiredTokens = new Set<string>();
  private readonly templates = new Map<string, SimulatedTemplate>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly faults: Fault[] = [];
  readonly webhooks: WebhookDelivery[] = [];
  private nextTemplateId = 1_000_000_000_001;

  constructor(readonly config: SimulatorConfig) {
    this.addAccount(config.defaultAccount);
  }

  /** Starts listening on 127.0.0.1; port 0 picks a free port. Returns the base URL. */
  async start(port = this.config.port): Promise<string> {
    const server = createServer((request, response) => {
      void this.handle(request, response);
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    return this.url;
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | null | undefined;
    if (!address) {
      throw new Error('The simulator is not listening; call start() first');
    }
    return `http://127.0.0.1:${address.port}`;
  }

  async stop(): Promise<void> {
    this.clearTimers();
    const server = this.server;
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  addAccount(account: SimulatorAccount): void {
    this.accounts.set(account.accessToken, account);
    this.expiredTokens.delete(account.accessToken);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    try {
      const body = await readBody(request);
      // deploy/local/services.sh waits for this before it starts the services.
      if (url.pathname === '/health' && request.method === 'GET') {
        return send(response, 200, { status: 'ok' });
      }
      if (url.pathname.startsWith('/__control/')) {
        const result = await this.control(request.method ?? 'GET', url, body);
        return send(response, 200, result);
      }
      const result = this.graph(request, url, body);
      return send(response, 200, result);
    } catch (error) {
      if (error instanceof HttpError) {
        return send(response, error.answer.status, error.answer.body, error.answer.headers);
      }
      console.error(JSON.stringify({ msg: 'simulator request failed', path: url.pathname, error: String(error) }));
      return send(response, 500, graphErrors.unavailable(500).body);
    }
  }

  private graph(request: IncomingMessage, url: URL, body: unknown): unknown {
    const fault = this.takeFault();
    if (fault !== undefined) {
      throw new HttpError(fault.status === 429 ? graphErrors.rateLimited(fault.retryAfterSeconds) : graphErrors.unavailable(fault.status));
    }

    const [version, id, edge, ...rest] = url.pathname.split('/').filter((part) => part !== '');
    if (!/^v[0-9]+(\.[0-9]+)?$/.test(version ?? '') || id === undefined || rest.length > 0) {
      throw new HttpError(graphErrors.unknownPath(url.pathname));
    }

    const account = this.authenticate(request, url);
    const method = request.method ?? 'GET';

    if (edge === undefined && method === 'GET') {
      return this.getPhoneNumber(account, id);
    }
    if (edge === undefined && method === 'POST') {
      return this.editTemplate(account, id, body);
    }
    if (edge === 'message_templates') {
      this.assertOwnsAccount(account, id);
      if (method === 'POST') {
        return this.createTemplate(id, body);
      }
      if (method === 'GET') {
        return this.listTemplates(id, url);
      }
      if (method === 'DELETE') {
        return this.deleteTemplate(id, url);
      }
    }
    throw new HttpError(graphErrors.unknownPath(url.pathname));
  }

  private authenticate(request: IncomingMessage, url: URL): SimulatorAccount {
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : url.searchParams.get('access_token');
    if (!token) {
      throw new HttpError(graphErrors.missingToken());
    }
    if (this.expiredTokens.has(token)) {
      throw new HttpError(graphErrors.expiredToken());
    }
    const account = this.accounts.get(token);
    if (account === undefined) {
      throw new HttpError(graphErrors.invalidToken());
    }
    return account;
  }

  private assertOwnsAccount(account: SimulatorAccount, wabaId: string): void {
    if (account.wabaId !== wabaId) {
      throw new HttpError(graphErrors.unknownObject(wabaId));
    }
  }

  private getPhoneNumber(account: SimulatorAccount, phoneNumberId: string): unknown {
    if (account.phoneNumberId !== phoneNumberId) {
      throw new HttpError(graphErrors.unknownObject(phoneNumberId));
    }
    return {
      id: account.phoneNumberId,
      display_phone_number: account.displayPhoneNumber,
      verified_name: account.verifiedName,
      quality_rating: 'GREEN',
      code_verification_status: 'VERIFIED',
      platform_type: 'CLOUD_API',
    };
  }

  private createTemplate(wabaId: string, body: unknown): unknown {
    const request = body as Partial<SimulatedTemplate> | undefined;
    const { name, language, category, components } = validateTemplate(request);

    const duplicate = [...this.templates.values()].some(
      (template) => template.wabaId === wabaId && template.name === name && template.language === language,
    );
    if (duplicate) {
      throw new HttpError(graphErrors.duplicateTemplate(name, language));
    }

    const template: SimulatedTemplate = {
      id: String(this.nextTemplateId++),
      wabaId,
      name,
      language,
      category,
      status: 'PENDING',
      components,
    };
    this.templates.set(template.id, template);
    this.scheduleReview(template);

    return { id: template.id, status: template.status, category: template.category };
  }

  private editTemplate(account: SimulatorAccount, templateId: string, body: unknown): unknown {
    const template = this.templates.get(templateId);
    if (template === undefined || template.wabaId !== account.wabaId) {
      throw new HttpError(graphErrors.unknownObject(templateId));
    }
    if (!['APPROVED', 'REJECTED', 'PAUSED'].includes(template.status)) {
      throw new HttpError(graphErrors.templateNotEditable(template.status));
    }

    const request = body as Partial<SimulatedTemplate> | undefined;
    const edited = validateTemplate({
      name: template.name,
      language: template.language,
      category: request?.category ?? template.category,
      components: request?.components,
    });
    template.category = edited.category;
    template.components = edited.components;
    template.status = 'PENDING';
    delete template.rejected_reason;
    this.scheduleReview(template);

    return { success: true };
  }

  private listTemplates(wabaId: string, url: URL): unknown {
    const all = [...this.templates.values()].filter((template) => template.wabaId === wabaId);
    const limit = Number(url.searchParams.get('limit') ?? this.config.pageSize) || this.config.pageSize;
    const offset = decodeCursor(url.searchParams.get('after'));
    const page = all.slice(offset, offset + limit);
    const data = page.map(({ wabaId: _wabaId, ...template }) => template);

    if (page.length === 0) {
      return { data };
    }

    const after = encodeCursor(offset + page.length);
    const paging: Record<string, unknown> = { cursors: { before: encodeCursor(offset), after } };
    if (offset + page.length < all.length) {
      const next = new URL(url.pathname, this.url);
      next.searchParams.set('limit', String(limit));
      next.searchParams.set('after', after);
      paging.next = next.toString();
    }
    return { data, paging };
  }

  private deleteTemplate(wabaId: string, url: URL): unknown {
    const name = url.searchParams.get('name');
    const hsmId = url.searchParams.get('hsm_id');
    if (!name) {
      throw new HttpError(graphErrors.invalidParameter('Missing template name', 'Pass the template name in the name parameter.'));
    }

    const matches = [...this.templates.values()].filter(
      (template) => template.wabaId === wabaId && template.name === name && (hsmId === null || template.id === hsmId),
    );
    if (matches.length === 0) {
      throw new HttpError(graphErrors.templateNotFound(name));
    }
    for (const template of matches) {
      this.templates.delete(template.id);
    }
    return { success: true };
  }

  private scheduleReview(template: SimulatedTemplate): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.templates.get(template.id) !== template || template.status !== 'PENDING') {
        return;
      }
      const body = template.components.find((component) => component.type === 'BODY')?.text ?? '';
      const rejected = this.config.rejectMarker !== '' && body.includes(this.config.rejectMarker);
      this.changeStatus(template, rejected ? 'REJECTED' : 'APPROVED', rejected ? 'ABUSIVE_CONTENT' : 'NONE');
    }, this.config.reviewDelayMs);
    this.timers.add(timer);
  }

  private changeStatus(template: SimulatedTemplate, status: string, reason: string): void {
    template.status = status;
    if (status === 'REJECTED') {
      template.rejected_reason = reason;
    } else {
      delete template.rejected_reason;
    }

    if (this.config.webhookUrl === '') {
      return;
    }
    const payload = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: template.wabaId,
          time: Math.floor(Date.now() / 1000),
          changes: [
            {
              field: 'message_template_status_update',
              value: {
                event: status,
                message_template_id: Number(template.id),
                message_template_name: template.name,
                message_template_language: template.language,
                message_template_category: template.category,
                reason,
              },
            },
          ],
        },
      ],
    };
    void sendWebhook(this.config.webhookUrl, payload, this.config.appSecret, this.webhooks);
  }

  private takeFault(): Fault | undefined {
    const fault = this.faults[0];
    if (fault === undefined) {
      return undefined;
    }
    fault.remaining -= 1;
    if (fault.remaining <= 0) {
      this.faults.shift();
    }
    return fault;
  }

  private clearTimers(): void {
    for (const timer of this.timers) {
      clearTimeout(timer);
    }
    this.timers.clear();
  }

  private async control(method: string, url: URL, body: unknown): Promise<unknown> {
    const input = (body ?? {}) as Record<string, unknown>;
    const route = `${method} ${url.pathname}`;

    if (route === 'POST /__control/reset') {
      this.clearTimers();
      this.templates.clear();
      this.expiredTokens.clear();
      this.faults.length = 0;
      this.webhooks.length = 0;
      this.accounts.clear();
      this.addAccount(this.config.defaultAccount);
      return { reset: true };
    }
    if (route === 'PATCH /__control/config') {
      for (const key of ['webhookUrl', 'reviewDelayMs', 'rejectMarker', 'pageSize', 'appSecret'] as const) {
        if (input[key] !== undefined) {
          Object.assign(this.config, { [key]: input[key] });
        }
      }
      const { defaultAccount: _account, ...visible } = this.config;
      return visible;
    }
    if (route === 'POST /__control/accounts') {
      const account = { ...this.config.defaultAccount, ...(input as Partial<SimulatorAccount>) };
      this.addAccount(account);
      return { accessToken: account.accessToken, wabaId: account.wabaId, phoneNumberId: account.phoneNumberId };
    }
    if (route === 'POST /__control/tokens/expire') {
      this.expiredTokens.add(requireString(input, 'accessToken'));
      return { expired: true };
    }
    if (route === 'POST /__control/faults') {
      const status = Number(input.status);
      if (status !== 429 && !(status >= 500 && status <= 599)) {
        throw new HttpError(graphErrors.invalidParameter('Invalid fault', 'status must be 429 or 5xx'));
      }
      this.faults.push({ status, remaining: Number(input.count ?? 1), retryAfterSeconds: Number(input.retryAfterSeconds ?? 30) });
      return { queued: this.faults.length };
    }
    if (route === 'POST /__control/templates') {
      return { created: this.seedTemplates(input).map((template) => template.id) };
    }
    if (route === 'GET /__control/templates') {
      return { data: [...this.templates.values()] };
    }
    if (route === 'GET /__control/webhooks') {
      return { data: this.webhooks };
    }

    const statusRoute = /^POST \/__control\/templates\/([^/]+)\/status$/.exec(route);
    if (statusRoute !== null) {
      const template = this.templates.get(statusRoute[1]);
      const status = requireString(input, 'status');
      if (template === undefined || !REVIEW_STATUSES.includes(status)) {
        throw new HttpError(graphErrors.unknownObject(statusRoute[1]));
      }
      this.changeStatus(template, status, typeof input.reason === 'string' ? input.reason : 'NONE');
      return { id: template.id, status };
    }

    throw new HttpError(graphErrors.unknownPath(url.pathname));
  }

  /** Adds templates directly, already APPROVED and without webhooks, as if they were created elsewhere. */
  private seedTemplates(input: Record<string, unknown>): SimulatedTemplate[] {
    const wabaId = typeof input.wabaId === 'string' ? input.wabaId : this.config.defaultAccount.wabaId;
    const count = Number(input.count ?? 1);
    const prefix = typeof input.namePrefix === 'string' ? input.namePrefix : 'seeded_template';
    const language = typeof input.language === 'string' ? input.language : 'en_US';
    const category = typeof input.category === 'string' ? input.category : 'UTILITY';
    const status = typeof input.status === 'string' ? input.status : 'APPROVED';

    return Array.from({ length: count }, (_, index) => {
      const template: SimulatedTemplate = {
        id: String(this.nextTemplateId++),
        wabaId,
        name: `${prefix}_${index + 1}`,
        language,
        category,
        status,
        components: [{ type: 'BODY', text: `Hello {{1}}, this is seeded template ${index + 1}.`, example: { body_text: [['Budi']] } }],
      };
      this.templates.set(template.id, template);
      return template;
    });
  }
}

/** Checks a template as the Cloud API does before review, and throws its error response for the first problem. */
function validateTemplate(request: Partial<SimulatedTemplate> | undefined): Pick<SimulatedTemplate, 'name' | 'language' | 'category' | 'components'> {
  const invalid = (title: string, message: string) => new HttpError(graphErrors.invalidParameter(title, message));
  const { name, language, category, components } = request ?? {};

  if (typeof name !== 'string' || !NAME_PATTERN.test(name)) {
    throw invalid('Invalid template name', 'The name may contain only lowercase letters, digits and underscores, at most 512 characters.');
  }
  if (typeof language !== 'string' || !LANGUAGE_PATTERN.test(language)) {
    throw invalid('Invalid language', `The language ${String(language)} is not supported.`);
  }
  if (typeof category !== 'string' || !CATEGORIES.includes(category)) {
    throw invalid('Invalid category', `The category must be one of ${CATEGORIES.join(', ')}.`);
  }
  if (!Array.isArray(components)) {
    throw invalid('Missing components', 'The template needs a components array with a BODY.');
  }

  const find = (type: string) => components.find((component) => component.type === type);
  const body = find('BODY');
  if (typeof body?.text !== 'string' || body.text.length === 0 || body.text.length > 1024) {
    throw invalid('Invalid body', 'The BODY component needs text of 1 to 1024 characters.');
  }
  const header = find('HEADER');
  if (header?.format === 'TEXT' && (typeof header.text !== 'string' || header.text.length > 60)) {
    throw invalid('Invalid header', 'A TEXT header needs text of at most 60 characters.');
  }
  const footer = find('FOOTER');
  if (footer !== undefined && (typeof footer.text !== 'string' || footer.text.length > 60)) {
    throw invalid('Invalid footer', 'The footer needs text of at most 60 characters.');
  }
  const buttons = find('BUTTONS');
  if (buttons !== undefined && (!Array.isArray(buttons.buttons) || buttons.buttons.length > 10)) {
    throw invalid('Invalid buttons', 'A template may have at most 10 buttons.');
  }

  return { name, language, category, components };
}

function requireString(input: Record<string, unknown>, key: string): string {
  const value = input[key];
  if (typeof value !== 'string' || value === '') {
    throw new HttpError(graphErrors.invalidParameter(`Missing ${key}`, `Pass ${key} as a non-empty string.`));
  }
  return value;
}

function encodeCursor(offset: number): string {
  return Buffer.from(String(offset)).toString('base64url');
}

function decodeCursor(cursor: string | null): number {
  if (cursor === null) {
    return 0;
  }
  const offset = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
  return Number.isInteger(offset) && offset >= 0 ? offset : 0;
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(graphErrors.invalidParameter('Invalid JSON', 'The request body is not valid JSON.'));
  }
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}
