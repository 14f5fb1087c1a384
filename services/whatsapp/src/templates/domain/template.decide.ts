import type { TemplateCategory, TemplateMessage, TemplateSamples, TemplateStatus } from '@regu/contracts';
import { validateTemplateDetails, validateTemplateMessage } from './template-rules';
import {
  TemplateAlreadyExists,
  TemplateCategoryChangeNotAllowed,
  TemplateEditLimitReached,
  TemplateNotEditable,
  TemplateNotFound,
  TemplateWasDeleted,
  assertNoViolations,
} from './template.errors';
import {
  TEMPLATE_EVENT_TYPES,
  type TemplateCreated,
  type TemplateDeleted,
  type TemplateEdited,
  type TemplateImported,
  type TemplateStatusChanged,
} from './template.events';
import type { TemplateSnapshot, TemplateState } from './template.evolve';

/** The clock, injected so deciders stay pure. */
export interface DecideContext {
  now: Date;
}

/**
 * Statuses in which WhatsApp accepts an edit of a template. A PENDING template is under
 * review and a DISABLED one was switched off for low quality, so neither can be edited.
 */
export const EDITABLE_TEMPLATE_STATUSES: readonly TemplateStatus[] = ['APPROVED', 'REJECTED', 'PAUSED'];

/**
 * WhatsApp's edit limits for an APPROVED template: one edit per 24 hours and ten per
 * 30 days. REJECTED and PAUSED templates may be edited without limit.
 */
// NOTE: these limits are from Meta's template-management documentation and were not
// checked against the live API; if Meta changes them, the provider's answer wins.
export const APPROVED_TEMPLATE_EDIT_LIMITS = [
  { limit: 1, windowMs: 24 * 60 * 60 * 1000, window: '24 hours' },
  { limit: 10, windowMs: 30 * 24 * 60 * 60 * 1000, window: '30 days' },
] as const;

export interface CreateTemplate {
  templateId: string;
  channelId: string;
  wabaId: string;
  providerTemplateId: string;
  name: string;
  category: TemplateCategory;
  language: string;
  message: TemplateMessage;
  samples: TemplateSamples;
  /** The status WhatsApp returned for the submission, usually PENDING. */
  status: TemplateStatus;
}

/**
 * Records a template that WhatsApp accepted for review. The application validates both
 * steps before it calls the provider; the rules run again here so no invalid template
 * enters the stream.
 */
export function createTemplate(command: CreateTemplate, state: TemplateState, context: DecideContext): TemplateCreated[] {
  if (state.kind !== 'none' && state.template.providerTemplateId === command.providerTemplateId) {
    return [];
  }
  if (state.kind !== 'none') {
    throw new TemplateAlreadyExists(command.templateId);
  }

  assertNoViolations([
    ...validateTemplateDetails(command),
    ...validateTemplateMessage(command.message, command.samples, command.category),
  ]);

  return [
    {
      type: TEMPLATE_EVENT_TYPES.created,
      data: {
        templateId: command.templateId,
        channelId: command.channelId,
        wabaId: command.wabaId,
        providerTemplateId: command.providerTemplateId,
        name: command.name,
        category: command.category,
        language: command.language,
        message: command.message,
        samples: command.samples,
        status: command.status,
        createdAt: context.now.toISOString(),
      },
    },
  ];
}

export interface ImportTemplate {
  templateId: string;
  channelId: string;
  wabaId: string;
  providerTemplateId: string;
  name: string;
  category: TemplateCategory;
  language: string;
  message: TemplateMessage;
  samples: TemplateSamples;
  status: TemplateStatus;
  rejectionReason?: string;
}

/**
 * Records a template that exists at WhatsApp but not here, found by a sync or by a
 * status webhook. WhatsApp's copy is the truth, so its content is not validated again.
 */
export function importTemplate(command: ImportTemplate, state: TemplateState, context: DecideContext): TemplateImported[] {
  if (state.kind !== 'none' && state.template.providerTemplateId === command.providerTemplateId) {
    return [];
  }
  if (state.kind !== 'none') {
    throw new TemplateAlreadyExists(command.templateId);
  }

  const data: TemplateImported['data'] = {
    templateId: command.templateId,
    channelId: command.channelId,
    wabaId: command.wabaId,
    providerTemplateId: command.providerTemplateId,
    name: command.name,
    category: command.category,
    language: command.language,
    message: command.message,
    samples: command.samples,
    status: command.status,
    importedAt: context.now.toISOString(),
  };
  if (command.rejectionReason !== undefined) {
    data.rejectionReason = command.rejectionReason;
  }

  return [{ type: TEMPLATE_EVENT_TYPES.imported, data }];
}

export interface EditTemplate {
  templateId: string;
  /** Leave out to keep the current category. */
  category?: TemplateCategory;
  message: TemplateMessage;
  samples: TemplateSamples;
}

/** Records an edit that WhatsApp accepted; WhatsApp reviews the template again. */
export function editTemplate(command: EditTemplate, state: TemplateState, context: DecideContext): TemplateEdited[] {
  const template = activeTemplate(state, command.templateId);
  const status = template.review.status;
  const category = command.category ?? template.category;

  if (!EDITABLE_TEMPLATE_STATUSES.includes(status)) {
    throw new TemplateNotEditable(status, EDITABLE_TEMPLATE_STATUSES);
  }

  if (status === 'APPROVED' && category !== template.category) {
    throw new TemplateCategoryChangeNotAllowed(status, template.category);
  }

  if (isSameContent(template, category, command.message, command.samples)) {
    return [];
  }

  assertNoViolations(validateTemplateMessage(command.message, command.samples, category));

  if (status === 'APPROVED') {
    assertWithinApprovedEditLimits(template.approvedEditTimes, context.now);
  }

  return [
    {
      type: TEMPLATE_EVENT_TYPES.edited,
      data: {
        templateId: template.templateId,
        category,
        message: command.message,
        samples: command.samples,
        previousStatus: status,
        editedAt: context.now.toISOString(),
      },
    },
  ];
}

function assertWithinApprovedEditLimits(editTimes: string[], now: Date): void {
  for (const { limit, windowMs, window } of APPROVED_TEMPLATE_EDIT_LIMITS) {
    const windowStart = now.getTime() - windowMs;
    const editsInWindow = editTimes.map((time) => Date.parse(time)).filter((time) => time > windowStart);
    if (editsInWindow.length >= limit) {
      const oldestCounted = Math.min(...editsInWindow);
      throw new TemplateEditLimitReached(limit, window, new Date(oldestCounted + windowMs).toISOString());
    }
  }
}

function isSameContent(
  template: TemplateSnapshot,
  category: TemplateCategory,
  message: TemplateMessage,
  samples: TemplateSamples,
): boolean {
  return (
    category === template.category &&
    JSON.stringify(message) === JSON.stringify(template.message) &&
    JSON.stringify(samples) === JSON.stringify(template.samples)
  );
}

export interface ApplyTemplateStatus {
  templateId: string;
  status: TemplateStatus;
  reason?: string;
  /** When WhatsApp reported the status, for example the webhook entry's `time`. */
  reportedAt: string;
}

/**
 * Applies a status that WhatsApp reported. A repeated report, or one older than the
 * last applied report, changes nothing, so webhook redeliveries are harmless. A report
 * for a deleted template is ignored as well.
 */
export function applyTemplateStatus(
  command: ApplyTemplateStatus,
  state: TemplateState,
): TemplateStatusChanged[] {
  if (state.kind === 'none') {
    throw new TemplateNotFound(command.templateId);
  }
  if (state.kind === 'deleted') {
    return [];
  }

  const { template } = state;
  const reportedBefore =
    template.statusReportedAt !== undefined && Date.parse(command.reportedAt) < Date.parse(template.statusReportedAt);
  const currentReason = 'reason' in template.review ? template.review.reason : undefined;
  const unchanged = template.review.status === command.status && (command.reason ?? currentReason) === currentReason;

  if (reportedBefore || unchanged) {
    return [];
  }

  const data: TemplateStatusChanged['data'] = {
    templateId: template.templateId,
    previousStatus: template.review.status,
    status: command.status,
    reportedAt: command.reportedAt,
  };
  if (command.reason !== undefined) {
    data.reason = command.reason;
  }

  return [{ type: TEMPLATE_EVENT_TYPES.statusChanged, data }];
}

export interface DeleteTemplate {
  templateId: string;
}

/** Records that the template was deleted at WhatsApp. Deleting twice changes nothing. */
export function deleteTemplate(command: DeleteTemplate, state: TemplateState, context: DecideContext): TemplateDeleted[] {
  if (state.kind === 'none') {
    throw new TemplateNotFound(command.templateId);
  }
  if (state.kind === 'deleted') {
    return [];
  }

  const { template } = state;

  return [
    {
      type: TEMPLATE_EVENT_TYPES.deleted,
      data: {
        templateId: template.templateId,
        wabaId: template.wabaId,
        name: template.name,
        language: template.language,
        deletedAt: context.now.toISOString(),
      },
    },
  ];
}

function activeTemplate(state: TemplateState, templateId: string): TemplateSnapshot {
  switch (state.kind) {
    case 'none':
      throw new TemplateNotFound(templateId);
    case 'deleted':
      throw new TemplateWasDeleted(templateId);
    case 'active':
      return state.template;
    default:
      return assertNever(state);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unexpected template state: ${JSON.stringify(value)}`);
}
