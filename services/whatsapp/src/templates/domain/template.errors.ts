import { COMMON_MESSAGES, DomainError, WHATSAPP_MESSAGES, formatMessage, type FieldError, type TemplateStatus } from '@regu/contracts';
import type { TemplateRuleViolation } from './template-rules';

function englishMessage(code: string, params: Record<string, string | number>): string {
  const message = WHATSAPP_MESSAGES[code] ?? COMMON_MESSAGES[code];
  return formatMessage(message?.en ?? code, params);
}

/** Components that the request nests under `message`. Details fields and `samples.*` sit at the top of the body. */
const MESSAGE_COMPONENTS: ReadonlySet<string> = new Set(['header', 'body', 'footer', 'buttons']);

/** Turns a violation's field into its path in the request body, so a 422 names fields the way the gateway's 400 responses do. */
function requestPath(violation: TemplateRuleViolation): string {
  const inMessage = MESSAGE_COMPONENTS.has(violation.component) && !violation.field.startsWith('samples.');
  return inMessage ? `message.${violation.field}` : violation.field;
}

function toFieldErrors(violations: TemplateRuleViolation[]): FieldError[] {
  return violations.map((violation) => ({
    field: requestPath(violation),
    code: violation.rule,
    message: englishMessage(violation.rule, violation.params),
    params: violation.params,
  }));
}

/**
 * A template that breaks WhatsApp's rules (422). `errors` names the field, the rule and
 * the fix in English; `violations` keeps the component and the message parameters so
 * the gateway can render each message in the caller's language.
 */
export class TemplateRulesBroken extends DomainError {
  constructor(readonly violations: TemplateRuleViolation[]) {
    super('TEMPLATE_RULES_BROKEN', 422, englishMessage('TEMPLATE_RULES_BROKEN', {}), {}, toFieldErrors(violations));
  }
}

/** A template with a missing mandatory field (400); `errors` lists every violation found. */
export class TemplateInputInvalid extends DomainError {
  constructor(readonly violations: TemplateRuleViolation[]) {
    super(
      'VALIDATION_FAILED',
      400,
      COMMON_MESSAGES.VALIDATION_FAILED.en,
      {},
      toFieldErrors(violations),
    );
  }
}

/**
 * Throws when the violations are not empty: 400 when a mandatory field is missing,
 * since its rules cannot be judged yet, and 422 otherwise.
 */
export function assertNoViolations(violations: TemplateRuleViolation[]): void {
  if (violations.length === 0) {
    return;
  }
  if (violations.some((violation) => violation.rule === 'FIELD_REQUIRED')) {
    throw new TemplateInputInvalid(violations);
  }
  throw new TemplateRulesBroken(violations);
}

export class TemplateAlreadyExists extends DomainError {
  constructor(templateId: string) {
    super('TEMPLATE_ALREADY_EXISTS', 409, englishMessage('TEMPLATE_ALREADY_EXISTS', { templateId }), { templateId });
  }
}

/** Name and language are unique per WhatsApp Business Account; the application checks it against its read model. */
export class TemplateNameAlreadyUsed extends DomainError {
  constructor(name: string, language: string) {
    super('TEMPLATE_NAME_ALREADY_USED', 409, englishMessage('TEMPLATE_NAME_ALREADY_USED', { name, language }), {
      name,
      language,
    });
  }
}

export class TemplateNotFound extends DomainError {
  constructor(templateId: string) {
    super('TEMPLATE_NOT_FOUND', 404, englishMessage('TEMPLATE_NOT_FOUND', { templateId }), { templateId });
  }
}

export class TemplateWasDeleted extends DomainError {
  constructor(templateId: string) {
    super('TEMPLATE_DELETED', 409, englishMessage('TEMPLATE_DELETED', { templateId }), { templateId });
  }
}

export class TemplateNotEditable extends DomainError {
  constructor(status: TemplateStatus, editableStatuses: readonly TemplateStatus[]) {
    const params = { status, editableStatuses: editableStatuses.join(', ') };
    super('TEMPLATE_NOT_EDITABLE', 409, englishMessage('TEMPLATE_NOT_EDITABLE', params), params);
  }
}

export class TemplateCategoryChangeNotAllowed extends DomainError {
  constructor(status: TemplateStatus, category: string) {
    const params = { status, category };
    super('TEMPLATE_CATEGORY_CHANGE_NOT_ALLOWED', 409, englishMessage('TEMPLATE_CATEGORY_CHANGE_NOT_ALLOWED', params), params);
  }
}

export class TemplateEditLimitReached extends DomainError {
  constructor(limit: number, window: string, nextEditAt: string) {
    const params = { limit, window, nextEditAt };
    super('TEMPLATE_EDIT_LIMIT_REACHED', 409, englishMessage('TEMPLATE_EDIT_LIMIT_REACHED', params), params);
  }
}
