import { languageOf } from './language';

describe('languageOf', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['id', 'id'],
    ['id-ID', 'id'],
    ['en-US,en;q=0.9', 'en'],
    ['en;q=0.5, id;q=0.8', 'id'],
    ['fr, id;q=0.1', 'id'],
    ['fr', 'en'],
  ])('maps %p to %p', (header, expected) => {
    expect(languageOf(header)).toBe(expected);
  });
});
