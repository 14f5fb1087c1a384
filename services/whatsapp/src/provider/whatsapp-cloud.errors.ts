import type { GraphErrorBody } from './whatsapp-cloud.types';

/**
 * An error answer of the Graph API. `path` has no query string, so an access token in a
 * `paging.next` URL never reaches a log through this error.
 */
export class WhatsAppApiError extends Error {
  readonly code: number;
  readonly subcode?: number;
  readonly type?: string;
  readonly userTitle?: string;
  readonly userMessage?: string;
  readonly fbtraceId?: string;

  constructor(
    readonly httpStatus: number,
    readonly method: string,
    readonly path: string,
    body: GraphErrorBody['error'],
  ) {
    super(`WhatsApp Cloud API ${method} ${path} failed with HTTP ${httpStatus}, code ${body.code}: ${body.message}`);
    this.name = new.target.name;
    this.code = body.code;
    this.subcode = body.error_subcode;
    this.type = body.type;
    this.userTitle = body.error_user_title;
    this.userMessage = body.error_user_msg;
    this.fbtraceId = body.fbtrace_id;
  }
}

/** The provider throttled the request (HTTP 429 or a throttling code); retry after `retryAfterSeconds`. */
export class WhatsAppRateLimitedError extends WhatsAppApiError {
  constructor(httpStatus: number, method: string, path: string, body: GraphErrorBody['error'], readonly retryAfterSeconds: number) {
    super(httpStatus, method, path, body);
  }
}

export type AccessTokenProblem = 'TOKEN_EXPIRED' | 'TOKEN_REVOKED' | 'TOKEN_INVALID';

/** The access token expired, was revoked or is invalid (Graph API code 190); the channel needs a new token. */
export class WhatsAppAccessTokenError extends WhatsAppApiError {
  readonly problem: AccessTokenProblem;

  constructor(httpStatus: number, method: string, path: string, body: GraphErrorBody['error']) {
    super(httpStatus, method, path, body);
    this.problem = accessTokenProblem(body.error_subcode);
  }
}

/**
 * Graph API subcodes of code 190: 463 expired; 458 app removed, 459 user checkpointed,
 * 460 password changed and 464 unconfirmed user revoke the session.
 */
function accessTokenProblem(subcode: number | undefined): AccessTokenProblem {
  if (subcode === 463) {
    return 'TOKEN_EXPIRED';
  }
  if (subcode !== undefined && [458, 459, 460, 464].includes(subcode)) {
    return 'TOKEN_REVOKED';
  }
  return 'TOKEN_INVALID';
}

/** The provider could not be reached, or kept failing, after every retry. */
export class WhatsAppUnavailableError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly attempts: number,
    cause: unknown,
  ) {
    super(`WhatsApp Cloud API ${method} ${path} failed after ${attempts} attempt(s): ${describe(cause)}`, { cause });
    this.name = new.target.name;
  }
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
