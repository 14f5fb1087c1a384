import { Injectable } from '@nestjs/common';
import type { CommandMessage, TemplateMessage } from '@regu/contracts';
import { renderPreview, type TemplatePreview } from '../../domain/template-preview';
import type { TemplateContentPayload } from '../template.payloads';

/**
 * Renders the live preview beside the form. It validates nothing, so the preview keeps
 * working while the admin types; a variable without a sample stays as `{{n}}`.
 */
@Injectable()
export class PreviewTemplateHandler {
  handle({ payload }: CommandMessage<Partial<TemplateContentPayload>>): TemplatePreview {
    const message: TemplateMessage = { ...payload.message, body: payload.message?.body ?? '' };
    return renderPreview(message, payload.samples ?? {});
  }
}
