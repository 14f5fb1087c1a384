import type { TemplateCategory, TemplateMessage, TemplateSamples, TemplateStatus } from '@regu/contracts';
import { TemplateNotFound } from '../domain/template.errors';
import type { TemplateState } from '../domain/template.evolve';
import type { TemplateListDocument } from '../infrastructure/template-list.projection';

/** A template as the API returns it. */
export interface TemplateView {
  id: string;
  channelId: string;
  wabaId: string;
  /** The template's id at WhatsApp. */
  providerTemplateId: string;
  name: string;
  category: TemplateCategory;
  language: string;
  message: TemplateMessage;
  samples: TemplateSamples;
  status: TemplateStatus;
  /** WhatsApp's reason for a REJECTED template, when it gave one. */
  rejectionReason?: string;
  /** The stream version: the ETag to send as If-Match with a change. */
  version: number;
}

/** Builds the view from the aggregate's state; a template that never existed or was deleted is not found. */
export function templateViewFromState(templateId: string, state: TemplateState, version: number): TemplateView {
  if (state.kind !== 'active') {
    throw new TemplateNotFound(templateId);
  }
  const { template } = state;
  const view: TemplateView = {
    id: template.templateId,
    channelId: template.channelId,
    wabaId: template.wabaId,
    providerTemplateId: template.providerTemplateId,
    name: template.name,
    category: template.category,
    language: template.language,
    message: template.message,
    samples: template.samples,
    status: template.review.status,
    version,
  };
  if (template.review.status === 'REJECTED' && template.review.reason !== 'NONE') {
    view.rejectionReason = template.review.reason;
  }
  return view;
}

export function templateViewFromDocument(document: TemplateListDocument): TemplateView {
  const view: TemplateView = {
    id: document.templateId,
    channelId: document.channelId,
    wabaId: document.wabaId,
    providerTemplateId: document.providerTemplateId,
    name: document.name,
    category: document.category,
    language: document.language,
    message: document.message,
    samples: document.samples,
    status: document.status,
    version: document.streamVersion,
  };
  if (document.rejectionReason !== undefined && document.rejectionReason !== 'NONE') {
    view.rejectionReason = document.rejectionReason;
  }
  return view;
}
