import { PreviewTemplateHandler } from './preview-template.handler';

const caller = { organizationId: 'org-1', userId: 'u-1', role: 'admin' as const, correlationId: 'c-1' };

describe('PreviewTemplateHandler', () => {
  const handler = new PreviewTemplateHandler();

  it('fills the variables with the samples', () => {
    const preview = handler.handle({ caller, payload: { message: { body: 'Hi {{1}}, order {{2}}.', footer: 'Bye' }, samples: { body: ['Budi', 'A-1'] } } });

    expect(preview).toEqual({ body: 'Hi Budi, order A-1.', footer: 'Bye', buttons: [] });
  });

  it('keeps variables without samples while typing', () => {
    expect(handler.handle({ caller, payload: { message: { body: 'Hi {{1}}' } } })).toEqual({ body: 'Hi {{1}}', buttons: [] });
  });

  it('renders an empty form', () => {
    expect(handler.handle({ caller, payload: {} })).toEqual({ body: '', buttons: [] });
  });
});
