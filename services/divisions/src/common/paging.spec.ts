import { decodeCursor, encodeCursor, escapeRegExp, normalizePageRequest, PageRequestInvalid } from './paging';

describe('normalizePageRequest', () => {
  it('defaults to 20 items from offset 0', () => {
    expect(normalizePageRequest({})).toEqual({ limit: 20, offset: 0 });
  });

  it('accepts a limit of 100', () => {
    expect(normalizePageRequest({ limit: 100 }).limit).toBe(100);
  });

  it.each([0, 101, 2.5])('rejects a limit of %p', (limit) => {
    expect(() => normalizePageRequest({ limit })).toThrow(PageRequestInvalid);
  });

  it('rejects a negative offset', () => {
    expect(() => normalizePageRequest({ offset: -1 })).toThrow(PageRequestInvalid);
  });

  it('rejects a cursor together with an offset', () => {
    const cursor = encodeCursor({ sortKey: 'sales', id: 'd-1' });
    expect(() => normalizePageRequest({ cursor, offset: 0 })).toThrow(expect.objectContaining({ errors: [expect.objectContaining({ field: 'cursor', code: 'PAGE_CURSOR_WITH_OFFSET' })] }));
  });
});

describe('cursor', () => {
  it('decodes what it encoded', () => {
    expect(decodeCursor(encodeCursor({ sortKey: 'sales', id: 'd-1' }))).toEqual({ sortKey: 'sales', id: 'd-1' });
  });

  it.each(['not-base64-json', Buffer.from('{"a":1}').toString('base64url'), Buffer.from('[1,2]').toString('base64url')])('rejects %p', (cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(expect.objectContaining({ errors: [expect.objectContaining({ field: 'cursor', code: 'PAGE_CURSOR_INVALID' })] }));
  });
});

describe('escapeRegExp', () => {
  it.each(['.*', 'a+b', '(x)', '[y]', '^z$', 'a|b', '\\', '{2}', '?'])('matches %p only literally', (input) => {
    const pattern = new RegExp(escapeRegExp(input));
    expect(pattern.test(input)).toBe(true);
    expect(pattern.test('plain text')).toBe(false);
  });
});
