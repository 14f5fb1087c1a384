import type { TemplateMessage, TemplateSamples } from '@regu/contracts';
import { fromGraphTemplate, toGraphComponents, toTemplateStatus } from './template-components';

const message: TemplateMessage = {
  header: { format: 'TEXT', text: 'Order {{1}}' },
  body: 'Hello {{1}}, your order {{2}} has shipped.',
  footer: 'Reply STOP to opt out',
  buttons: [
    { type: 'QUICK_REPLY', text: 'Thanks' },
    { type: 'URL', text: 'Track', url: 'https://shop.example/track/{{1}}' },
    { type: 'PHONE_NUMBER', text: 'Call us', phoneNumber: '+6281100000001' },
    { type: 'COPY_CODE', code: 'SAVE10' },
  ],
};
const samples: TemplateSamples = { header: ['A-1'], body: ['Budi', 'A-1'], buttons: { 1: 'A-1' } };

describe('toGraphComponents', () => {
  it('converts every component with its examples', () => {
    expect(toGraphComponents(message, samples)).toEqual([
      { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { header_text: ['A-1'] } },
      { type: 'BODY', text: 'Hello {{1}}, your order {{2}} has shipped.', example: { body_text: [['Budi', 'A-1']] } },
      { type: 'FOOTER', text: 'Reply STOP to opt out' },
      {
        type: 'BUTTONS',
        buttons: [
          { type: 'QUICK_REPLY', text: 'Thanks' },
          { type: 'URL', text: 'Track', url: 'https://shop.example/track/{{1}}', example: ['A-1'] },
          { type: 'PHONE_NUMBER', text: 'Call us', phone_number: '+6281100000001' },
          { type: 'COPY_CODE', example: 'SAVE10' },
        ],
      },
    ]);
  });

  it('leaves out absent parts', () => {
    expect(toGraphComponents({ body: 'Hello there' }, {})).toEqual([{ type: 'BODY', text: 'Hello there' }]);
  });
});

describe('fromGraphTemplate', () => {
  it('reads back what toGraphComponents wrote', () => {
    const converted = fromGraphTemplate({
      id: '42',
      name: 'order_shipped',
      language: 'en_US',
      status: 'APPROVED',
      category: 'MARKETING',
      components: toGraphComponents(message, samples),
    });

    expect(converted).toEqual({
      providerTemplateId: '42',
      name: 'order_shipped',
      language: 'en_US',
      category: 'MARKETING',
      status: 'APPROVED',
      message,
      samples,
    });
  });

  it('keeps a rejection reason', () => {
    const converted = fromGraphTemplate({
      id: '43',
      name: 'promo',
      language: 'id',
      status: 'REJECTED',
      category: 'MARKETING',
      rejected_reason: 'ABUSIVE_CONTENT',
      components: [{ type: 'BODY', text: 'Promo' }],
    });

    expect(converted).toMatchObject({ status: 'REJECTED', rejectionReason: 'ABUSIVE_CONTENT' });
  });
});

describe('toTemplateStatus', () => {
  it.each([
    ['APPROVED', 'APPROVED'],
    ['PENDING', 'PENDING'],
    ['REJECTED', 'REJECTED'],
    ['PAUSED', 'PAUSED'],
    ['DISABLED', 'DISABLED'],
    ['REINSTATED', 'APPROVED'],
    ['IN_APPEAL', 'PENDING'],
    ['LOCKED', 'DISABLED'],
    ['ARCHIVED', 'DISABLED'],
  ])('maps %s to %s', (event, status) => {
    expect(toTemplateStatus(event)).toBe(status);
  });

  it.each(['FLAGGED', 'LIMIT_EXCEEDED', 'PENDING_DELETION', 'DELETED', 'SOMETHING_NEW'])('ignores %s', (event) => {
    expect(toTemplateStatus(event)).toBeUndefined();
  });
});
