import type { TemplateCategory, TemplateMessage, TemplateSamples, TemplateStatus } from '@regu/contracts';
import { TEMPLATE_EVENT_TYPES, type TemplateEvent } from './template.events';

/** The review status WhatsApp reported, with the reason where one comes with it. */
export type TemplateReview =
  | { status: 'PENDING' }
  | { status: 'APPROVED' }
  | { status: 'REJECTED'; reason: string }
  | { status: 'PAUSED'; reason?: string }
  | { status: 'DISABLED'; reason?: string };

export interface TemplateSnapshot {
  templateId: string;
  channelId: string;
  wabaId: string;
  providerTemplateId: string;
  name: string;
  category: TemplateCategory;
  language: string;
  message: TemplateMessage;
  samples: TemplateSamples;
  review: TemplateReview;
  /** When WhatsApp reported the current status; undefined until the first report. */
  statusReportedAt?: string;
  /** Times of the edits made while the template was APPROVED, which WhatsApp rate-limits. */
  approvedEditTimes: string[];
}

export type TemplateState =
  | { kind: 'none' }
  | { kind: 'active'; template: TemplateSnapshot }
  | { kind: 'deleted'; template: TemplateSnapshot };

export const INITIAL_TEMPLATE_STATE: TemplateState = { kind: 'none' };

/** Builds the review from a status and the reason WhatsApp gave, defaulting a rejection's reason to "NONE" as WhatsApp does. */
export function toTemplateReview(status: TemplateStatus, reason?: string): TemplateReview {
  switch (status) {
    case 'PENDING':
      return { status };
    case 'APPROVED':
      return { status };
    case 'REJECTED':
      return { status, reason: reason ?? 'NONE' };
    case 'PAUSED':
    case 'DISABLED':
      return reason === undefined ? { status } : { status, reason };
    default:
      return assertNever(status);
  }
}

/** Applies one event to the state. Pure: the same events always give the same state. */
export function evolveTemplate(state: TemplateState, event: TemplateEvent): TemplateState {
  switch (event.type) {
    case TEMPLATE_EVENT_TYPES.created:
    case TEMPLATE_EVENT_TYPES.imported: {
      const { data } = event;
      const reason = event.type === TEMPLATE_EVENT_TYPES.imported ? event.data.rejectionReason : undefined;
      return {
        kind: 'active',
        template: {
          templateId: data.templateId,
          channelId: data.channelId,
          wabaId: data.wabaId,
          providerTemplateId: data.providerTemplateId,
          name: data.name,
          category: data.category,
          language: data.language,
          message: data.message,
          samples: data.samples,
          review: toTemplateReview(data.status, reason),
          approvedEditTimes: [],
        },
      };
    }

    case TEMPLATE_EVENT_TYPES.edited: {
      if (state.kind !== 'active') {
        return state;
      }
      const { template } = state;
      const approvedEditTimes =
        event.data.previousStatus === 'APPROVED'
          ? [...template.approvedEditTimes, event.data.editedAt]
          : template.approvedEditTimes;
      return {
        kind: 'active',
        template: {
          ...template,
          category: event.data.category,
          message: event.data.message,
          samples: event.data.samples,
          review: { status: 'PENDING' },
          approvedEditTimes,
        },
      };
    }

    case TEMPLATE_EVENT_TYPES.statusChanged: {
      if (state.kind !== 'active') {
        return state;
      }
      return {
        kind: 'active',
        template: {
          ...state.template,
          review: toTemplateReview(event.data.status, event.data.reason),
          statusReportedAt: event.data.reportedAt,
        },
      };
    }

    case TEMPLATE_EVENT_TYPES.deleted:
      return state.kind === 'active' ? { kind: 'deleted', template: state.template } : state;

    default:
      return assertNever(event);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unexpected template value: ${JSON.stringify(value)}`);
}
