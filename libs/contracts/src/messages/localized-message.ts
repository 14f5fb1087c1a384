/**
 * A message an admin may read, in English and in Indonesian. `{name}` placeholders
 * are filled from the error's `params`.
 */
export interface LocalizedMessage {
  en: string;
  id: string;
}

export type MessageCatalog = Record<string, LocalizedMessage>;

export type Language = keyof LocalizedMessage;

/** Fills `{placeholder}`s of a message; unknown placeholders are left as they are. */
export function formatMessage(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}
