import type { TemplateStatusUpdate } from '../../templates/application/apply-template-status/apply-template-status.handler';

/** The parts of Meta's webhook body that Regu reads; everything else is ignored. */
interface WebhookBody {
  object?: unknown;
  entry?: Array<{
    id?: unknown;
    time?: unknown;
    changes?: Array<{ field?: unknown; value?: Record<string, unknown> }>;
  }>;
}

/**
 * Picks the `message_template_status_update` changes out of a webhook body. A change
 * without a template id is skipped; `time` (Unix seconds) becomes the report time, or
 * `receivedAt` when missing.
 */
export function templateStatusUpdates(body: unknown, receivedAt: Date, correlationId: string): TemplateStatusUpdate[] {
  const { object, entry } = (body ?? {}) as WebhookBody;
  if (object !== 'whatsapp_business_account' || !Array.isArray(entry)) {
    return [];
  }

  return entry.flatMap((item) => {
    const wabaId = item.id === undefined ? undefined : String(item.id);
    const reportedAt = typeof item.time === 'number' ? new Date(item.time * 1000).toISOString() : receivedAt.toISOString();
    return (item.changes ?? []).flatMap((change): TemplateStatusUpdate[] => {
      const value = change.value ?? {};
      if (change.field !== 'message_template_status_update' || wabaId === undefined || value.message_template_id === undefined || typeof value.event !== 'string') {
        return [];
      }
      const update: TemplateStatusUpdate = {
        wabaId,
        providerTemplateId: String(value.message_template_id),
        event: value.event,
        reportedAt,
        correlationId,
      };
      if (typeof value.message_template_name === 'string') {
        update.name = value.message_template_name;
      }
      if (typeof value.message_template_language === 'string') {
        update.language = value.message_template_language;
      }
      if (typeof value.reason === 'string') {
        update.reason = value.reason;
      }
      return [update];
    });
  });
}
