import { renderPreview } from './template-preview';

describe('renderPreview', () => {
  it('fills header, body and URL variables with samples', () => {
    const preview = renderPreview(
      {
        header: { format: 'TEXT', text: 'Order {{1}}' },
        body: 'Hi {{1}}, order {{2}} ships {{1}}.',
        footer: 'Reply STOP to opt out',
        buttons: [
          { type: 'URL', text: 'Track', url: 'https://example.com/t/{{1}}' },
          { type: 'PHONE_NUMBER', text: 'Call', phoneNumber: '+6281100000001' },
          { type: 'QUICK_REPLY', text: 'Thanks' },
          { type: 'COPY_CODE', code: 'SAVE10' },
        ],
      },
      { header: ['A-1'], body: ['Budi', 'A-1'], buttons: { 0: 'A-1' } },
    );

    expect(preview).toEqual({
      header: { format: 'TEXT', text: 'Order A-1' },
      body: 'Hi Budi, order A-1 ships Budi.',
      footer: 'Reply STOP to opt out',
      buttons: [
        { type: 'URL', text: 'Track', url: 'https://example.com/t/A-1' },
        { type: 'PHONE_NUMBER', text: 'Call', phoneNumber: '+6281100000001' },
        { type: 'QUICK_REPLY', text: 'Thanks' },
        { type: 'COPY_CODE', code: 'SAVE10' },
      ],
    });
  });

  it('keeps variables without a sample', () => {
    const preview = renderPreview({ body: 'Hi {{1}}, order {{2}}.' }, { body: ['Budi', ''] });

    expect(preview.body).toBe('Hi Budi, order {{2}}.');
  });

  it('shows a media header by its format', () => {
    const preview = renderPreview({ header: { format: 'IMAGE' }, body: 'Hello there' }, {});

    expect(preview).toEqual({ header: { format: 'IMAGE' }, body: 'Hello there', buttons: [] });
  });

  it('leaves out an empty footer', () => {
    expect(renderPreview({ body: 'Hello there', footer: '' }, {})).toEqual({ body: 'Hello there', buttons: [] });
  });
});
