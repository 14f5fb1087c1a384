/**
 * Event types of the WhatsApp message template aggregate, published on
 * `whatsapp.template.events`, and the template content the events carry.
 */
export const TEMPLATE_EVENT_TYPES = {
  created: 'TemplateCreated',
  imported: 'TemplateImported',
  edited: 'TemplateEdited',
  statusChanged: 'TemplateStatusChanged',
  deleted: 'TemplateDeleted',
} as const;

export type TemplateEventType = (typeof TEMPLATE_EVENT_TYPES)[keyof typeof TEMPLATE_EVENT_TYPES];

export const TEMPLATE_CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'] as const;
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

/** The review statuses WhatsApp reports for a template. */
export const TEMPLATE_STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'PAUSED', 'DISABLED'] as const;
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];

export const TEMPLATE_HEADER_FORMATS = ['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT'] as const;
export type TemplateHeaderFormat = (typeof TEMPLATE_HEADER_FORMATS)[number];

export type TemplateHeader =
  | { format: 'TEXT'; text: string }
  | { format: 'IMAGE' | 'VIDEO' | 'DOCUMENT' };

export const TEMPLATE_BUTTON_TYPES = ['QUICK_REPLY', 'URL', 'PHONE_NUMBER', 'COPY_CODE'] as const;
export type TemplateButtonType = (typeof TEMPLATE_BUTTON_TYPES)[number];

export type TemplateButton =
  | { type: 'QUICK_REPLY'; text: string }
  /** `url` may end with one `{{1}}`, filled per message. */
  | { type: 'URL'; text: string; url: string }
  | { type: 'PHONE_NUMBER'; text: string; phoneNumber: string }
  /** WhatsApp labels the copy-code button itself, so it has no text of its own. */
  | { type: 'COPY_CODE'; code: string };

/** The message step of a template: what the customer receives. */
export interface TemplateMessage {
  header?: TemplateHeader;
  body: string;
  footer?: string;
  buttons?: TemplateButton[];
}

/**
 * Sample values for the variables, which WhatsApp requires for review and the preview
 * shows. `body[0]` fills `{{1}}` of the body; `buttons` is keyed by the URL button's
 * position in `TemplateMessage.buttons`, starting at 0.
 */
export interface TemplateSamples {
  header?: string[];
  body?: string[];
  buttons?: Record<number, string>;
}

export interface TemplateCreatedData {
  templateId: string;
  channelId: string;
  wabaId: string;
  /** The template's id at WhatsApp, returned when it was submitted. */
  providerTemplateId: string;
  name: string;
  category: TemplateCategory;
  language: string;
  message: TemplateMessage;
  samples: TemplateSamples;
  status: TemplateStatus;
  createdAt: string;
}

/** A template found at WhatsApp by a sync or a webhook, with no local submission. */
export interface TemplateImportedData {
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
  importedAt: string;
}

/** An edit sent to WhatsApp; WhatsApp reviews it again, so the status is back to PENDING. */
export interface TemplateEditedData {
  templateId: string;
  category: TemplateCategory;
  message: TemplateMessage;
  samples: TemplateSamples;
  previousStatus: TemplateStatus;
  editedAt: string;
}

export interface TemplateStatusChangedData {
  templateId: string;
  previousStatus: TemplateStatus;
  status: TemplateStatus;
  /** WhatsApp's reason, present for REJECTED and, when WhatsApp gives one, PAUSED or DISABLED. */
  reason?: string;
  /** When WhatsApp reported the status; older reports than the last applied one are ignored. */
  reportedAt: string;
}

export interface TemplateDeletedData {
  templateId: string;
  wabaId: string;
  name: string;
  language: string;
  deletedAt: string;
}

export type TemplateEventData =
  | { type: typeof TEMPLATE_EVENT_TYPES.created; data: TemplateCreatedData }
  | { type: typeof TEMPLATE_EVENT_TYPES.imported; data: TemplateImportedData }
  | { type: typeof TEMPLATE_EVENT_TYPES.edited; data: TemplateEditedData }
  | { type: typeof TEMPLATE_EVENT_TYPES.statusChanged; data: TemplateStatusChangedData }
  | { type: typeof TEMPLATE_EVENT_TYPES.deleted; data: TemplateDeletedData };
