import {
  TEMPLATE_CATEGORIES,
  TEMPLATE_STATUSES,
  type TemplateButton,
  type TemplateCategory,
  type TemplateHeader,
  type TemplateMessage,
  type TemplateSamples,
  type TemplateStatus,
} from '@regu/contracts';
import type { GraphTemplate, GraphTemplateComponent } from './whatsapp-cloud.types';

/** Converts a template's message and samples into the Graph API's `components`. */
export function toGraphComponents(message: TemplateMessage, samples: TemplateSamples): GraphTemplateComponent[] {
  const components: GraphTemplateComponent[] = [];

  if (message.header !== undefined) {
    components.push(headerComponent(message.header, samples.header ?? []));
  }

  const body: GraphTemplateComponent = { type: 'BODY', text: message.body };
  if ((samples.body ?? []).length > 0) {
    body.example = { body_text: [samples.body ?? []] };
  }
  components.push(body);

  if (message.footer !== undefined && message.footer !== '') {
    components.push({ type: 'FOOTER', text: message.footer });
  }

  const buttons = message.buttons ?? [];
  if (buttons.length > 0) {
    components.push({ type: 'BUTTONS', buttons: buttons.map((button, position) => graphButton(button, samples.buttons?.[position])) });
  }
  return components;
}

function headerComponent(header: TemplateHeader, samples: string[]): GraphTemplateComponent {
  if (header.format !== 'TEXT') {
    // TODO: media headers need a sample uploaded through Meta's resumable upload API (header_handle); without it Meta rejects the template at review.
    return { type: 'HEADER', format: header.format };
  }
  const component: GraphTemplateComponent = { type: 'HEADER', format: 'TEXT', text: header.text };
  if (samples.length > 0) {
    component.example = { header_text: samples };
  }
  return component;
}

function graphButton(button: TemplateButton, sample: string | undefined): NonNullable<GraphTemplateComponent['buttons']>[number] {
  switch (button.type) {
    case 'QUICK_REPLY':
      return { type: 'QUICK_REPLY', text: button.text };
    case 'URL':
      return sample === undefined ? { type: 'URL', text: button.text, url: button.url } : { type: 'URL', text: button.text, url: button.url, example: [sample] };
    case 'PHONE_NUMBER':
      return { type: 'PHONE_NUMBER', text: button.text, phone_number: button.phoneNumber };
    case 'COPY_CODE':
      return { type: 'COPY_CODE', example: button.code };
    default:
      return assertNever(button);
  }
}

/** A template read from the provider, in Regu's terms. */
export interface ProviderTemplate {
  providerTemplateId: string;
  name: string;
  language: string;
  category: TemplateCategory;
  status: TemplateStatus;
  rejectionReason?: string;
  message: TemplateMessage;
  samples: TemplateSamples;
}

/**
 * Converts a template listed by the Graph API. Unknown components and button types are
 * skipped; a category or status outside Regu's lists is mapped as `toTemplateStatus` says.
 */
export function fromGraphTemplate(template: GraphTemplate): ProviderTemplate {
  const find = (type: GraphTemplateComponent['type']) => template.components.find((component) => component.type === type);
  const header = find('HEADER');
  const body = find('BODY');
  const footer = find('FOOTER');
  const buttons = find('BUTTONS');

  const message: TemplateMessage = { body: body?.text ?? '' };
  const samples: TemplateSamples = {};

  if (header !== undefined) {
    if (header.format === 'TEXT' || header.format === undefined) {
      message.header = { format: 'TEXT', text: header.text ?? '' };
      if (header.example?.header_text !== undefined) {
        samples.header = header.example.header_text;
      }
    } else if (header.format === 'IMAGE' || header.format === 'VIDEO' || header.format === 'DOCUMENT') {
      message.header = { format: header.format };
    }
  }
  if (body?.example?.body_text?.[0] !== undefined) {
    samples.body = body.example.body_text[0];
  }
  if (footer?.text !== undefined) {
    message.footer = footer.text;
  }
  if (buttons?.buttons !== undefined) {
    const converted = buttons.buttons.flatMap((button, position) => fromGraphButton(button, position, samples));
    if (converted.length > 0) {
      message.buttons = converted;
    }
  }

  const result: ProviderTemplate = {
    providerTemplateId: template.id,
    name: template.name,
    language: template.language,
    category: (TEMPLATE_CATEGORIES as readonly string[]).includes(template.category) ? (template.category as TemplateCategory) : 'UTILITY',
    status: toTemplateStatus(template.status) ?? 'PENDING',
    message,
    samples,
  };
  if (template.rejected_reason !== undefined && template.rejected_reason !== 'NONE') {
    result.rejectionReason = template.rejected_reason;
  }
  return result;
}

function fromGraphButton(
  button: NonNullable<GraphTemplateComponent['buttons']>[number],
  position: number,
  samples: TemplateSamples,
): TemplateButton[] {
  const example = Array.isArray(button.example) ? button.example[0] : button.example;
  switch (button.type) {
    case 'QUICK_REPLY':
      return [{ type: 'QUICK_REPLY', text: button.text ?? '' }];
    case 'URL':
      if (example !== undefined) {
        samples.buttons = { ...samples.buttons, [position]: example };
      }
      return [{ type: 'URL', text: button.text ?? '', url: button.url ?? '' }];
    case 'PHONE_NUMBER':
      return [{ type: 'PHONE_NUMBER', text: button.text ?? '', phoneNumber: button.phone_number ?? '' }];
    case 'COPY_CODE':
      return [{ type: 'COPY_CODE', code: example ?? '' }];
    default:
      return [];
  }
}

/**
 * Maps a template status or a `message_template_status_update` event name of Meta to
 * one of Regu's five statuses, or undefined for an event that changes no review status.
 * REINSTATED returns a paused template to APPROVED; IN_APPEAL is a review again, so
 * PENDING; LOCKED and ARCHIVED stop the template from being sent, so DISABLED. FLAGGED
 * (quality dropped, still sendable), LIMIT_EXCEEDED, PENDING_DELETION and DELETED change
 * no review status.
 */
export function toTemplateStatus(providerStatus: string): TemplateStatus | undefined {
  const upper = providerStatus.toUpperCase();
  if ((TEMPLATE_STATUSES as readonly string[]).includes(upper)) {
    return upper as TemplateStatus;
  }
  switch (upper) {
    case 'REINSTATED':
      return 'APPROVED';
    case 'IN_APPEAL':
      return 'PENDING';
    case 'LOCKED':
    case 'ARCHIVED':
      return 'DISABLED';
    default:
      return undefined;
  }
}

function assertNever(value: never): never {
  throw new Error(`Unexpected template button: ${JSON.stringify(value)}`);
}
