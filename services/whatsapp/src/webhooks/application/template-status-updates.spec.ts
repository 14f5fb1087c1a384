import { templateStatusUpdates } from './template-status-updates';

const receivedAt = new Date('2026-05-01T10:00:00Z');

describe('templateStatusUpdates', () => {
  it('reads a status update without phone metadata', () => {
    const body = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '100',
          time: 1_777_000_000,
          changes: [{ field: 'message_template_status_update', value: { event: 'REJECTED', message_template_id: 42, message_template_name: 'promo', message_template_language: 'id', reason: 'ABUSIVE_CONTENT' } }],
        },
      ],
    };

    expect(templateStatusUpdates(body, receivedAt, 'corr-1')).toEqual([
      { wabaId: '100', providerTemplateId: '42', name: 'promo', language: 'id', event: 'REJECTED', reason: 'ABUSIVE_CONTENT', reportedAt: new Date(1_777_000_000_000).toISOString(), correlationId: 'corr-1' },
    ]);
  });

  it('skips other fields and objects', () => {
    const body = { object: 'whatsapp_business_account', entry: [{ id: '100', changes: [{ field: 'messages', value: { messages: [] } }] }] };

    expect(templateStatusUpdates(body, receivedAt, 'c')).toEqual([]);
    expect(templateStatusUpdates({ object: 'page', entry: [] }, receivedAt, 'c')).toEqual([]);
    expect(templateStatusUpdates(undefined, receivedAt, 'c')).toEqual([]);
  });

  it('uses the receive time when the entry has none', () => {
    const body = { object: 'whatsapp_business_account', entry: [{ id: '100', changes: [{ field: 'message_template_status_update', value: { event: 'APPROVED', message_template_id: 7 } }] }] };

    expect(templateStatusUpdates(body, receivedAt, 'c')).toEqual([{ wabaId: '100', providerTemplateId: '7', event: 'APPROVED', reportedAt: receivedAt.toISOString(), correlationId: 'c' }]);
  });
});
