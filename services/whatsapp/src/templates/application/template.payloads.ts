import type { TemplateMessage, TemplateSamples } from '@regu/contracts';

/** The details step ("Next"). */
export interface TemplateDetailsPayload {
  channelId: string;
  name: string;
  category: string;
  language: string;
}

/** The message step ("Submit"), with the sample values of its variables. */
export interface TemplateContentPayload {
  message: TemplateMessage;
  samples?: TemplateSamples;
}
