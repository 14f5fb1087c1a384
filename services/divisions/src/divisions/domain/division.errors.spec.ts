import { DIVISIONS_MESSAGES } from '@regu/contracts';
import { englishMessage } from './division.errors';

function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
}

describe('DIVISIONS_MESSAGES', () => {
  it.each(Object.entries(DIVISIONS_MESSAGES))('%s has English and Indonesian text', (_code, message) => {
    expect(message.en.trim()).not.toBe('');
    expect(message.id.trim()).not.toBe('');
    expect(message.id).not.toBe(message.en);
  });

  it.each(Object.entries(DIVISIONS_MESSAGES))('%s uses the same placeholders in both languages', (_code, message) => {
    expect(placeholders(message.id)).toEqual(placeholders(message.en));
  });
});

describe('englishMessage', () => {
  it('fills the placeholders', () => {
    expect(englishMessage('DIVISION_NOT_FOUND', { divisionId: 'd-1' })).toBe('Division d-1 was not found.');
  });

  it('throws on a code without a message', () => {
    expect(() => englishMessage('NO_SUCH_CODE')).toThrow('No message for error code NO_SUCH_CODE');
  });
});
