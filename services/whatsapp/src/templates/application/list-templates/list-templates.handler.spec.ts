import { templateListFilter } from './list-templates.handler';

describe('templateListFilter', () => {
  it('filters on the organization and hides deleted templates', () => {
    expect(templateListFilter('org-1', {})).toEqual({ organizationId: 'org-1', deleted: { $ne: true } });
  });

  it('searches name and body case-insensitively with escaped input', () => {
    const filter = templateListFilter('org-1', { q: ' a.b*(c) ' });

    expect(filter.$or).toEqual([
      { name: { $regex: 'a\\.b\\*\\(c\\)', $options: 'i' } },
      { 'message.body': { $regex: 'a\\.b\\*\\(c\\)', $options: 'i' } },
    ]);
  });

  it('compares filter values as plain strings', () => {
    const filter = templateListFilter('org-1', { status: 'APPROVED', category: 'UTILITY', language: 'id', channelId: 'c-1' });

    expect(filter).toMatchObject({ status: { $eq: 'APPROVED' }, category: { $eq: 'UTILITY' }, language: { $eq: 'id' }, channelId: { $eq: 'c-1' } });
  });

  it('turns an operator object into a string', () => {
    const filter = templateListFilter('org-1', { language: { $ne: null } as unknown as string });

    expect(filter.language).toEqual({ $eq: '[object Object]' });
  });

  it('ignores a blank search', () => {
    expect(templateListFilter('org-1', { q: '   ' }).$or).toBeUndefined();
  });
});
