import type { TemplateHeaderFormat, TemplateMessage, TemplateSamples } from '@regu/contracts';

/** What the live preview beside the form shows: the message as a customer would see it. */
export interface TemplatePreview {
  header?: { format: 'TEXT'; text: string } | { format: Exclude<TemplateHeaderFormat, 'TEXT'> };
  body: string;
  footer?: string;
  buttons: TemplatePreviewButton[];
}

export type TemplatePreviewButton =
  | { type: 'QUICK_REPLY'; text: string }
  | { type: 'URL'; text: string; url: string }
  | { type: 'PHONE_NUMBER'; text: string; phoneNumber: string }
  | { type: 'COPY_CODE'; code: string };

/**
 * Renders header, body, footer and buttons with the sample values in place of the
 * variables. A variable without a sample stays as `{{n}}`, so the preview shows what
 * is still missing instead of failing while the admin types.
 */
export function renderPreview(message: TemplateMessage, samples: TemplateSamples): TemplatePreview {
  const preview: TemplatePreview = {
    body: fillVariables(message.body, samples.body ?? []),
    buttons: (message.buttons ?? []).map((button, position) => renderButton(button, samples.buttons?.[position])),
  };

  if (message.header !== undefined) {
    preview.header =
      message.header.format === 'TEXT'
        ? { format: 'TEXT', text: fillVariables(message.header.text, samples.header ?? []) }
        : { format: message.header.format };
  }
  if (message.footer !== undefined && message.footer !== '') {
    preview.footer = message.footer;
  }

  return preview;
}

function renderButton(button: NonNullable<TemplateMessage['buttons']>[number], sample: string | undefined): TemplatePreviewButton {
  switch (button.type) {
    case 'QUICK_REPLY':
      return { type: 'QUICK_REPLY', text: button.text };
    case 'URL':
      return { type: 'URL', text: button.text, url: fillVariables(button.url, sample === undefined ? [] : [sample]) };
    case 'PHONE_NUMBER':
      return { type: 'PHONE_NUMBER', text: button.text, phoneNumber: button.phoneNumber };
    case 'COPY_CODE':
      return { type: 'COPY_CODE', code: button.code };
    default:
      return assertNever(button);
  }
}

function fillVariables(text: string, samples: string[]): string {
  return text.replace(/\{\{([1-9][0-9]*)\}\}/g, (placeholder, number: string) => {
    const sample = samples[Number(number) - 1];
    return sample === undefined || sample === '' ? placeholder : sample;
  });
}

function assertNever(value: never): never {
  throw new Error(`Unexpected template button: ${JSON.stringify(value)}`);
}
