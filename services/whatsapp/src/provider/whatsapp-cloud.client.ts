import {
  WhatsAppAccessTokenError,
  WhatsAppApiError,
  WhatsAppRateLimitedError,
  WhatsAppUnavailableError,
} from './whatsapp-cloud.errors';
import type {
  CreateTemplateRequest,
  CreateTemplateResponse,
  EditTemplateRequest,
  GraphErrorBody,
  GraphTemplate,
  PhoneNumberResponse,
  TemplatePage,
} from './whatsapp-cloud.types';

export interface WhatsAppCloudClientOptions {
  /** For example `https://graph.facebook.com`, or the simulator's `http://127.0.0.1:3900`. */
  baseUrl: string;
  /** Graph API version, for example `v23.0`. */
  apiVersion: string;
  /** Timeout of each attempt, in milliseconds. */
  timeoutMs?: number;
  /** Retries after the first attempt on a network error, a timeout or HTTP 5xx. */
  maxRetries?: number;
  /** Delay before the first retry, in milliseconds; it doubles on each retry. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Seconds to wait when a throttling response names no retry time. */
  defaultRetryAfterSeconds?: number;
  /** Called before each retry, so the caller can log it. */
  onRetry?: (retry: RetryInfo) => void;
  sleep?: (ms: number) => Promise<void>;
}

export interface RetryInfo {
  method: string;
  path: string;
  attempt: number;
  delayMs: number;
  reason: string;
}

export interface ListTemplatesOptions {
  /** Page size; Graph API's `limit`. */
  limit?: number;
  after?: string;
}

/**
 * Graph API error codes that mean throttling: 4 application, 17 user, 32 page, 613 call
 * rate, 80007 WhatsApp Business Account, 130429 Cloud API throughput.
 */
export const THROTTLING_ERROR_CODES: readonly number[] = [4, 17, 32, 613, 80007, 130429];

const ACCESS_TOKEN_ERROR_CODE = 190;
/** Stops a provider that keeps returning a `next` link from looping forever. */
const MAX_PAGES = 1000;

/** A client of Meta's WhatsApp Cloud API, using Node's global fetch. Each call takes the channel's own access token. */
export class WhatsAppCloudClient {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly backoffBaseMs: number;
  private readonly backoffMaxMs: number;
  private readonly defaultRetryAfterSeconds: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: WhatsAppCloudClientOptions) {
    this.baseUrl = `${options.baseUrl.replace(/\/+$/, '')}/${options.apiVersion}`;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxRetries = options.maxRetries ?? 3;
    this.backoffBaseMs = options.backoffBaseMs ?? 200;
    this.backoffMaxMs = options.backoffMaxMs ?? 5_000;
    this.defaultRetryAfterSeconds = options.defaultRetryAfterSeconds ?? 60;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /**
   * Looks up a phone number by its id. Connecting a channel calls it to verify the
   * token: an expired or revoked token throws WhatsAppAccessTokenError.
   */
  async getPhoneNumber(accessToken: string, phoneNumberId: string): Promise<PhoneNumberResponse> {
    const query = new URLSearchParams({ fields: 'id,display_phone_number,verified_name,quality_rating' });
    return this.request<PhoneNumberResponse>('GET', `/${encodeURIComponent(phoneNumberId)}`, accessToken, { query });
  }

  /** Submits a template for review. The response contains the template's id and its first status. */
  async createTemplate(accessToken: string, wabaId: string, template: CreateTemplateRequest): Promise<CreateTemplateResponse> {
    // NOTE: a create is retried like any call; when the first attempt succeeded but its
    // response was lost, the retry gets the provider's duplicate-name error and a sync finds the template.
    return this.request<CreateTemplateResponse>('POST', `/${encodeURIComponent(wabaId)}/message_templates`, accessToken, {
      body: template,
    });
  }

  /** Sends an edit of the template's category or components; the provider reviews it again. */
  async editTemplate(accessToken: string, providerTemplateId: string, edit: EditTemplateRequest): Promise<{ success: boolean }> {
    return this.request<{ success: boolean }>('POST', `/${encodeURIComponent(providerTemplateId)}`, accessToken, { body: edit });
  }

  /** Returns one page of the account's templates; pass `paging.cursors.after` of a page to get the next one. */
  async listTemplates(accessToken: string, wabaId: string, options: ListTemplatesOptions = {}): Promise<TemplatePage> {
    const query = new URLSearchParams();
    if (options.limit !== undefined) {
      query.set('limit', String(options.limit));
    }
    if (options.after !== undefined) {
      query.set('after', options.after);
    }
    return this.request<TemplatePage>('GET', `/${encodeURIComponent(wabaId)}/message_templates`, accessToken, { query });
  }

  /**
   * Returns every template of the account, following the paging to the last page: the
   * `after` cursor while the page has a `next` link.
   */
  async listAllTemplates(accessToken: string, wabaId: string, pageSize?: number): Promise<GraphTemplate[]> {
    const templates: GraphTemplate[] = [];
    const seenCursors = new Set<string>();
    let after: string | undefined;

    for (let page = 0; page < MAX_PAGES; page += 1) {
      const result = await this.listTemplates(accessToken, wabaId, { limit: pageSize, after });
      templates.push(...result.data);

      after = nextCursor(result);
      if (after === undefined || seenCursors.has(after)) {
        return templates;
      }
      seenCursors.add(after);
    }
    throw new Error(`WhatsApp Cloud API returned more than ${MAX_PAGES} pages of templates for account ${wabaId}`);
  }

  /**
   * Deletes a template by name, in every language, or only the one with `providerTemplateId`
   * (Graph API's `hsm_id`).
   */
  async deleteTemplate(accessToken: string, wabaId: string, name: string, providerTemplateId?: string): Promise<{ success: boolean }> {
    const query = new URLSearchParams({ name });
    if (providerTemplateId !== undefined) {
      query.set('hsm_id', providerTemplateId);
    }
    return this.request<{ success: boolean }>('DELETE', `/${encodeURIComponent(wabaId)}/message_templates`, accessToken, { query });
  }

  private async request<T>(
    method: string,
    path: string,
    accessToken: string,
    options: { query?: URLSearchParams; body?: unknown } = {},
  ): Promise<T> {
    const url = `${this.baseUrl}${path}${options.query && options.query.size > 0 ? `?${options.query}` : ''}`;
    let lastFailure: unknown;

    for (let attempt = 0; attempt <= this.maxRetries; attempt += 1) {
      if (attempt > 0) {
        const delayMs = this.backoffDelay(attempt);
        this.options.onRetry?.({ method, path, attempt, delayMs, reason: describeFailure(lastFailure) });
        await this.sleep(delayMs);
      }

      let response: Response;
      try {
        response = await fetch(url, {
          method,
          headers: {
            authorization: `Bearer ${accessToken}`,
            accept: 'application/json',
            ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch (error) {
        lastFailure = error;
        continue;
      }

      const body = await readJson(response);
      if (response.ok) {
        return body as T;
      }

      const error = this.toApiError(response, method, path, body);
      if (response.status >= 500 && !(error instanceof WhatsAppRateLimitedError)) {
        lastFailure = error;
        continue;
      }
      throw error;
    }

    if (lastFailure instanceof WhatsAppApiError) {
      throw lastFailure;
    }
    throw new WhatsAppUnavailableError(method, path, this.maxRetries + 1, lastFailure);
  }

  private toApiError(response: Response, method: string, path: string, body: unknown): WhatsAppApiError {
    const error = isGraphError(body)
      ? body.error
      : { message: `HTTP ${response.status} without a Graph API error body`, code: 0 };

    if (response.status === 429 || THROTTLING_ERROR_CODES.includes(error.code)) {
      return new WhatsAppRateLimitedError(response.status, method, path, error, this.retryAfterSeconds(response));
    }
    if (error.code === ACCESS_TOKEN_ERROR_CODE) {
      return new WhatsAppAccessTokenError(response.status, method, path, error);
    }
    return new WhatsAppApiError(response.status, method, path, error);
  }

  /**
   * Reads the retry time from `Retry-After` (seconds or an HTTP date), else from Meta's
   * `X-Business-Use-Case-Usage` header, whose `estimated_time_to_regain_access` is in minutes.
   */
  private retryAfterSeconds(response: Response): number {
    const retryAfter = response.headers.get('retry-after');
    if (retryAfter !== null) {
      const seconds = Number(retryAfter);
      if (Number.isFinite(seconds) && seconds >= 0) {
        return Math.ceil(seconds);
      }
      const date = Date.parse(retryAfter);
      if (!Number.isNaN(date)) {
        return Math.max(0, Math.ceil((date - Date.now()) / 1000));
      }
    }

    const minutes = businessUseCaseWaitMinutes(response.headers.get('x-business-use-case-usage'));
    return minutes === undefined ? this.defaultRetryAfterSeconds : minutes * 60;
  }

  /** Exponential backoff with up to 20 % random jitter, so many clients do not retry in step. */
  private backoffDelay(attempt: number): number {
    const exponential = Math.min(this.backoffMaxMs, this.backoffBaseMs * 2 ** (attempt - 1));
    return Math.round(exponential * (1 + Math.random() * 0.2));
  }
}

function nextCursor(page: TemplatePage): string | undefined {
  if (page.paging?.next === undefined || page.data.length === 0) {
    return undefined;
  }
  return page.paging.cursors?.after ?? new URL(page.paging.next).searchParams.get('after') ?? undefined;
}

function businessUseCaseWaitMinutes(header: string | null): number | undefined {
  if (header === null) {
    return undefined;
  }
  try {
    const usage = JSON.parse(header) as Record<string, Array<{ estimated_time_to_regain_access?: number }>>;
    const minutes = Object.values(usage)
      .flat()
      .map((entry) => entry.estimated_time_to_regain_access ?? 0);
    return minutes.length === 0 ? undefined : Math.max(...minutes);
  } catch {
    return undefined;
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isGraphError(body: unknown): body is GraphErrorBody {
  const error = (body as GraphErrorBody | undefined)?.error;
  return typeof error === 'object' && error !== null && typeof error.code === 'number';
}

function describeFailure(failure: unknown): string {
  if (failure instanceof WhatsAppApiError) {
    return `HTTP ${failure.httpStatus}`;
  }
  // AbortSignal.timeout rejects with a DOMException, which is not always an Error instance.
  const { name, message } = (failure ?? {}) as { name?: unknown; message?: unknown };
  if (name === 'TimeoutError') {
    return 'timed out';
  }
  return typeof message === 'string' ? message : String(failure);
}
