import { DomainError, WHATSAPP_MESSAGES, formatMessage } from '@regu/contracts';
import { WhatsAppAccessTokenError, WhatsAppApiError, WhatsAppRateLimitedError, WhatsAppUnavailableError, type AccessTokenProblem } from './whatsapp-cloud.errors';

function englishMessage(code: string, params: Record<string, string | number>): string {
  return formatMessage(WHATSAPP_MESSAGES[code]?.en ?? code, params);
}

export class WhatsAppRateLimited extends DomainError {
  constructor(retryAfterSeconds: number) {
    const params = { retryAfter: retryAfterSeconds };
    super('WHATSAPP_RATE_LIMITED', 429, englishMessage('WHATSAPP_RATE_LIMITED', params), params);
  }
}

export class WhatsAppUnavailable extends DomainError {
  constructor(attempts: number) {
    const params = { attempts };
    super('WHATSAPP_UNAVAILABLE', 503, englishMessage('WHATSAPP_UNAVAILABLE', params), params);
  }
}

/** A 4xx answer of the provider that is not about the token or throttling; `reason` is Meta's message for users when it gave one. */
export class WhatsAppRequestRejected extends DomainError {
  constructor(reason: string) {
    const params = { reason };
    super('WHATSAPP_REQUEST_REJECTED', 422, englishMessage('WHATSAPP_REQUEST_REJECTED', params), params);
  }
}

/** The provider's reason in plain words, as the admin reads it in CHANNEL_TOKEN_REJECTED. */
export function describeTokenProblem(problem: AccessTokenProblem): string {
  switch (problem) {
    case 'TOKEN_EXPIRED':
      return 'the token has expired';
    case 'TOKEN_REVOKED':
      return 'the token was revoked, for example because the user changed the password or removed the app';
    case 'TOKEN_INVALID':
      return 'the token is not valid';
    default:
      return assertNever(problem);
  }
}

/** Meta's explanation of a rejected request: the message written for users when present, else the developer message. */
export function providerReason(error: WhatsAppApiError): string {
  const parts = [error.userTitle, error.userMessage].filter((part): part is string => part !== undefined && part !== '');
  return parts.length > 0 ? parts.join(': ') : error.message.replace(/^WhatsApp Cloud API [A-Z]+ \S+ failed with /, '');
}

/**
 * Maps a provider failure other than an access-token error to the DomainError the
 * gateway answers with: 429 with the retry time, 503 when WhatsApp did not answer, 422
 * for a rejected request. Anything else is returned unchanged, to become a 500.
 */
export function toProviderDomainError(error: unknown): unknown {
  if (error instanceof WhatsAppRateLimitedError) {
    return new WhatsAppRateLimited(error.retryAfterSeconds);
  }
  if (error instanceof WhatsAppUnavailableError) {
    return new WhatsAppUnavailable(error.attempts);
  }
  if (error instanceof WhatsAppApiError && error.httpStatus >= 500) {
    return new WhatsAppUnavailable(1);
  }
  if (error instanceof WhatsAppApiError && !(error instanceof WhatsAppAccessTokenError)) {
    return new WhatsAppRequestRejected(providerReason(error));
  }
  return error;
}

function assertNever(value: never): never {
  throw new Error(`Unexpected access token problem: ${String(value)}`);
}
