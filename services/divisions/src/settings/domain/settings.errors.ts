import { DomainError } from '@regu/contracts';
import type { FieldError } from '@regu/contracts';
import { englishMessage, fieldError } from '../../divisions/domain/division.errors';
import type { WebhookUrlCheck } from './webhook-url';

export { AgentsNotActive, DivisionNotFound } from '../../divisions/domain/division.errors';

/** A settings command with missing or out-of-range fields; `errors` lists every one. */
export class SettingsInputInvalid extends DomainError {
  constructor(errors: FieldError[]) {
    super('VALIDATION_FAILED', 400, englishMessage('VALIDATION_FAILED'), {}, errors);
  }
}

/** Automatic and custom allocation would both be on; the admin must turn one off first. */
export class AllocationModeConflict extends DomainError {
  constructor() {
    super('ALLOCATION_MODE_CONFLICT', 409, englishMessage('ALLOCATION_MODE_CONFLICT'));
  }
}

/** The custom allocation webhook URL failed checkWebhookUrl. The error code names the failed rule. */
export class WebhookUrlNotAllowed extends DomainError {
  constructor(check: Extract<WebhookUrlCheck, { valid: false }>) {
    const params: Record<string, string | number> =
      check.code === 'WEBHOOK_URL_NOT_PUBLIC' ? { host: check.host } : check.code === 'WEBHOOK_URL_TOO_LONG' ? { maxLength: check.maxLength } : {};
    super(check.code, 400, englishMessage(check.code, params), params, [fieldError('webhookUrl', check.code, params)]);
  }
}
