/** A `{{n}}` placeholder found in a template text, with its position in that text. */
export interface TemplateVariable {
  index: number;
  start: number;
  end: number;
}

export interface ParsedTemplateText {
  variables: TemplateVariable[];
  /** Placeholders that are not `{{n}}` with n ≥ 1, and stray `{{` or `}}`. */
  malformed: string[];
}

const BRACED = /\{\{([^{}]*)\}\}/g;
const VARIABLE_NUMBER = /^[1-9][0-9]*$/;

/** Finds the `{{1}}`, `{{2}}`… placeholders of a header, body or URL text. */
export function parseTemplateText(text: string): ParsedTemplateText {
  const variables: TemplateVariable[] = [];
  const malformed: string[] = [];

  for (const match of text.matchAll(BRACED)) {
    const start = match.index ?? 0;
    if (VARIABLE_NUMBER.test(match[1])) {
      variables.push({ index: Number(match[1]), start, end: start + match[0].length });
    } else {
      malformed.push(match[0]);
    }
  }

  const outsidePlaceholders = text.replace(BRACED, ' ');
  for (const stray of outsidePlaceholders.match(/\{\{|\}\}/g) ?? []) {
    malformed.push(stray);
  }

  return { variables, malformed };
}

/** Returns the distinct variable numbers in ascending order. */
export function distinctVariableNumbers(variables: TemplateVariable[]): number[] {
  return [...new Set(variables.map((variable) => variable.index))].sort((a, b) => a - b);
}

/** Returns the first number missing from 1..max, or undefined when the numbers run from 1 with no gap. */
export function firstMissingVariableNumber(numbers: number[]): number | undefined {
  for (let expected = 1; expected <= numbers.length; expected += 1) {
    if (numbers[expected - 1] !== expected) {
      return expected;
    }
  }
  return undefined;
}

/** Counts Unicode code points, so an emoji counts as one character and not as two UTF-16 units. */
export function characterCount(text: string): number {
  return Array.from(text).length;
}
