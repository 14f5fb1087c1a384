import type { TemplateSamples } from '@regu/contracts';
import {
  validateTemplateDetails,
  validateTemplateMessage,
  type TemplateMessageInput,
  type TemplateRuleViolation,
} from './template-rules';

const validDetails = { channelId: 'channel-1', name: 'order_update_2', category: 'UTILITY', language: 'id' };

function rules(violations: TemplateRuleViolation[]): string[] {
  return violations.map((violation) => violation.rule);
}

function message(overrides: Partial<TemplateMessageInput> = {}): TemplateMessageInput {
  return { body: 'Hello {{1}}, your order {{2}} has shipped.', ...overrides };
}

const bodySamples: TemplateSamples = { body: ['Budi', 'A-100'] };

describe('validateTemplateDetails', () => {
  it('accepts valid details', () => {
    expect(validateTemplateDetails(validDetails)).toEqual([]);
  });

  it('reports every missing field', () => {
    expect(validateTemplateDetails({})).toEqual([
      { component: 'channel', field: 'channelId', rule: 'FIELD_REQUIRED', params: {} },
      { component: 'name', field: 'name', rule: 'FIELD_REQUIRED', params: {} },
      { component: 'category', field: 'category', rule: 'FIELD_REQUIRED', params: {} },
      { component: 'language', field: 'language', rule: 'FIELD_REQUIRED', params: {} },
    ]);
  });

  it.each(['Order_update', 'order-update', 'order update', 'pesanan_ü'])('rejects name %s', (name) => {
    expect(validateTemplateDetails({ ...validDetails, name })).toEqual([
      { component: 'name', field: 'name', rule: 'TEMPLATE_NAME_INVALID_CHARACTERS', params: { name } },
    ]);
  });

  it('accepts a name of 512 characters', () => {
    expect(validateTemplateDetails({ ...validDetails, name: 'a'.repeat(512) })).toEqual([]);
  });

  it('rejects a name of 513 characters', () => {
    expect(validateTemplateDetails({ ...validDetails, name: 'a'.repeat(513) })).toEqual([
      { component: 'name', field: 'name', rule: 'TEMPLATE_NAME_TOO_LONG', params: { max: 512, length: 513 } },
    ]);
  });

  it.each(['MARKETING', 'UTILITY', 'AUTHENTICATION'])('accepts category %s', (category) => {
    expect(validateTemplateDetails({ ...validDetails, category })).toEqual([]);
  });

  it('rejects an unknown category', () => {
    expect(validateTemplateDetails({ ...validDetails, category: 'marketing' })).toEqual([
      {
        component: 'category',
        field: 'category',
        rule: 'TEMPLATE_CATEGORY_UNKNOWN',
        params: { category: 'marketing', allowed: 'MARKETING, UTILITY, AUTHENTICATION' },
      },
    ]);
  });

  it.each(['id', 'en_US', 'pt_BR', 'zh_CN'])('accepts language %s', (language) => {
    expect(validateTemplateDetails({ ...validDetails, language })).toEqual([]);
  });

  it.each(['en-US', 'EN', 'xx', 'id_ID'])('rejects language %s', (language) => {
    expect(validateTemplateDetails({ ...validDetails, language })).toEqual([
      { component: 'language', field: 'language', rule: 'TEMPLATE_LANGUAGE_UNSUPPORTED', params: { language } },
    ]);
  });

  it('reports all broken rules at once', () => {
    expect(rules(validateTemplateDetails({ channelId: 'c', name: 'Bad Name', category: 'X', language: 'xx' }))).toEqual([
      'TEMPLATE_NAME_INVALID_CHARACTERS',
      'TEMPLATE_CATEGORY_UNKNOWN',
      'TEMPLATE_LANGUAGE_UNSUPPORTED',
    ]);
  });
});

describe('validateTemplateMessage header', () => {
  it('accepts no header', () => {
    expect(validateTemplateMessage(message(), bodySamples, 'UTILITY')).toEqual([]);
  });

  it.each(['IMAGE', 'VIDEO', 'DOCUMENT'])('accepts media header %s', (format) => {
    expect(validateTemplateMessage(message({ header: { format } }), bodySamples, 'UTILITY')).toEqual([]);
  });

  it('rejects an unknown header format', () => {
    expect(validateTemplateMessage(message({ header: { format: 'LOCATION' } }), bodySamples, 'UTILITY')).toEqual([
      {
        component: 'header',
        field: 'header.format',
        rule: 'TEMPLATE_HEADER_FORMAT_UNKNOWN',
        params: { format: 'LOCATION', allowed: 'TEXT, IMAGE, VIDEO, DOCUMENT' },
      },
    ]);
  });

  it('requires text in a text header', () => {
    expect(rules(validateTemplateMessage(message({ header: { format: 'TEXT' } }), bodySamples, 'UTILITY'))).toEqual([
      'FIELD_REQUIRED',
    ]);
  });

  it('accepts a text header of 60 characters', () => {
    const header = { format: 'TEXT', text: 'h'.repeat(60) };
    expect(validateTemplateMessage(message({ header }), bodySamples, 'UTILITY')).toEqual([]);
  });

  it('rejects a text header of 61 characters', () => {
    const header = { format: 'TEXT', text: 'h'.repeat(61) };
    expect(validateTemplateMessage(message({ header }), bodySamples, 'UTILITY')).toEqual([
      { component: 'header', field: 'header.text', rule: 'TEMPLATE_HEADER_TOO_LONG', params: { max: 60, length: 61 } },
    ]);
  });

  it('accepts one header variable with a sample', () => {
    const header = { format: 'TEXT', text: 'Order {{1}}' };
    expect(validateTemplateMessage(message({ header }), { ...bodySamples, header: ['A-1'] }, 'UTILITY')).toEqual([]);
  });

  it('rejects two header variables', () => {
    const header = { format: 'TEXT', text: 'Order {{1}} for {{2}}' };
    const violations = validateTemplateMessage(message({ header }), { ...bodySamples, header: ['a', 'b'] }, 'UTILITY');
    expect(violations).toEqual([
      { component: 'header', field: 'header.text', rule: 'TEMPLATE_HEADER_TOO_MANY_VARIABLES', params: { max: 1, count: 2 } },
    ]);
  });

  it('requires a sample for the header variable', () => {
    const header = { format: 'TEXT', text: 'Order {{1}}' };
    expect(validateTemplateMessage(message({ header }), bodySamples, 'UTILITY')).toEqual([
      { component: 'header', field: 'samples.header.0', rule: 'TEMPLATE_VARIABLE_SAMPLE_MISSING', params: { variable: '{{1}}' } },
    ]);
  });

  it('rejects a header variable that is not {{1}}', () => {
    const header = { format: 'TEXT', text: 'Order {{2}}' };
    const violations = validateTemplateMessage(message({ header }), { ...bodySamples, header: ['x', 'y'] }, 'UTILITY');
    expect(rules(violations)).toEqual(['TEMPLATE_VARIABLES_NOT_SEQUENTIAL']);
  });
});

describe('validateTemplateMessage body', () => {
  it('requires a body', () => {
    expect(validateTemplateMessage({ body: '  ' }, {}, 'UTILITY')).toEqual([
      { component: 'body', field: 'body', rule: 'FIELD_REQUIRED', params: {} },
    ]);
  });

  it('accepts a body of 1024 characters', () => {
    expect(validateTemplateMessage({ body: 'b'.repeat(1024) }, {}, 'UTILITY')).toEqual([]);
  });

  it('rejects a body of 1025 characters', () => {
    expect(validateTemplateMessage({ body: 'b'.repeat(1025) }, {}, 'UTILITY')).toEqual([
      { component: 'body', field: 'body', rule: 'TEMPLATE_BODY_TOO_LONG', params: { max: 1024, length: 1025 } },
    ]);
  });

  it('counts an emoji as one character', () => {
    expect(validateTemplateMessage({ body: '😀'.repeat(1024) }, {}, 'UTILITY')).toEqual([]);
  });

  it('accepts variables from 1 with no gap', () => {
    expect(validateTemplateMessage(message(), bodySamples, 'UTILITY')).toEqual([]);
  });

  it('accepts a variable used twice', () => {
    const body = 'Hi {{1}}, {{1}} is your name.';
    expect(validateTemplateMessage({ body }, { body: ['Budi'] }, 'UTILITY')).toEqual([]);
  });

  it('rejects variables with a gap', () => {
    const body = 'Hi {{1}}, order {{3}} is ready.';
    expect(validateTemplateMessage({ body }, { body: ['a', 'b', 'c'] }, 'UTILITY')).toEqual([
      {
        component: 'body',
        field: 'body',
        rule: 'TEMPLATE_VARIABLES_NOT_SEQUENTIAL',
        params: { expected: '{{2}}', found: '{{1}}, {{3}}' },
      },
    ]);
  });

  it('rejects variables that do not start at 1', () => {
    const violations = validateTemplateMessage({ body: 'Hi {{2}} there.' }, { body: ['a', 'b'] }, 'UTILITY');
    expect(violations[0].params).toEqual({ expected: '{{1}}', found: '{{2}}' });
  });

  it.each(['{{0}}', '{{ 1 }}', '{{name}}', '{1}}', '{{1'])('rejects malformed placeholder in %s', (placeholder) => {
    const violations = validateTemplateMessage({ body: `Hi ${placeholder} there.` }, {}, 'UTILITY');
    expect(rules(violations)).toContain('TEMPLATE_VARIABLE_MALFORMED');
  });

  it('rejects a variable at the start', () => {
    const violations = validateTemplateMessage({ body: '{{1}} is your code.' }, { body: ['1234'] }, 'UTILITY');
    expect(violations).toEqual([
      { component: 'body', field: 'body', rule: 'TEMPLATE_VARIABLE_AT_BODY_START', params: { variable: '{{1}}' } },
    ]);
  });

  it('rejects a variable at the start after spaces', () => {
    const violations = validateTemplateMessage({ body: '  {{1}} is your code.' }, { body: ['1234'] }, 'UTILITY');
    expect(rules(violations)).toEqual(['TEMPLATE_VARIABLE_AT_BODY_START']);
  });

  it('rejects a variable at the end', () => {
    const violations = validateTemplateMessage({ body: 'Your code is {{1}}' }, { body: ['1234'] }, 'UTILITY');
    expect(violations).toEqual([
      { component: 'body', field: 'body', rule: 'TEMPLATE_VARIABLE_AT_BODY_END', params: { variable: '{{1}}' } },
    ]);
  });

  it('accepts a variable followed by punctuation', () => {
    expect(validateTemplateMessage({ body: 'Your code is {{1}}.' }, { body: ['1234'] }, 'UTILITY')).toEqual([]);
  });

  it.each(['Hi {{1}}{{2}} there.', 'Hi {{1}} {{2}} there.'])('rejects adjacent variables in %s', (body) => {
    const violations = validateTemplateMessage({ body }, { body: ['a', 'b'] }, 'UTILITY');
    expect(violations).toEqual([
      { component: 'body', field: 'body', rule: 'TEMPLATE_VARIABLES_ADJACENT', params: { first: '{{1}}', second: '{{2}}' } },
    ]);
  });

  it('accepts variables separated by text', () => {
    expect(validateTemplateMessage({ body: 'Hi {{1}} and {{2}} there.' }, { body: ['a', 'b'] }, 'UTILITY')).toEqual([]);
  });

  it('requires a sample for each body variable', () => {
    const violations = validateTemplateMessage(message(), { body: ['Budi', ' '] }, 'UTILITY');
    expect(violations).toEqual([
      { component: 'body', field: 'samples.body.1', rule: 'TEMPLATE_VARIABLE_SAMPLE_MISSING', params: { variable: '{{2}}' } },
    ]);
  });
});

describe('validateTemplateMessage footer', () => {
  it('accepts a footer of 60 characters', () => {
    expect(validateTemplateMessage(message({ footer: 'f'.repeat(60) }), bodySamples, 'UTILITY')).toEqual([]);
  });

  it('rejects a footer of 61 characters', () => {
    expect(validateTemplateMessage(message({ footer: 'f'.repeat(61) }), bodySamples, 'UTILITY')).toEqual([
      { component: 'footer', field: 'footer', rule: 'TEMPLATE_FOOTER_TOO_LONG', params: { max: 60, length: 61 } },
    ]);
  });

  it('rejects a footer with a variable', () => {
    expect(validateTemplateMessage(message({ footer: 'Reply {{1}} to stop' }), bodySamples, 'UTILITY')).toEqual([
      { component: 'footer', field: 'footer', rule: 'TEMPLATE_FOOTER_HAS_VARIABLES', params: {} },
    ]);
  });
});

describe('validateTemplateMessage buttons', () => {
  const quickReply = (text: string) => ({ type: 'QUICK_REPLY', text });
  const urlButton = { type: 'URL', text: 'Track', url: 'https://example.com/track' };
  const phoneButton = { type: 'PHONE_NUMBER', text: 'Call us', phoneNumber: '+6281100000001' };
  const copyCode = { type: 'COPY_CODE', code: 'SAVE10' };

  it('accepts ten buttons', () => {
    const buttons = [...Array.from({ length: 7 }, (_, i) => quickReply(`Reply ${i}`)), urlButton, phoneButton, copyCode];
    expect(validateTemplateMessage(message({ buttons }), bodySamples, 'MARKETING')).toEqual([]);
  });

  it('rejects eleven buttons', () => {
    const buttons = Array.from({ length: 11 }, (_, i) => quickReply(`Reply ${i}`));
    expect(validateTemplateMessage(message({ buttons }), bodySamples, 'MARKETING')).toEqual([
      { component: 'buttons', field: 'buttons', rule: 'TEMPLATE_BUTTONS_TOO_MANY', params: { max: 10, count: 11 } },
    ]);
  });

  it('accepts quick replies after other buttons', () => {
    const buttons = [urlButton, quickReply('Yes'), quickReply('No')];
    expect(validateTemplateMessage(message({ buttons }), bodySamples, 'UTILITY')).toEqual([]);
  });

  it('rejects quick replies split by another button', () => {
    const buttons = [quickReply('Yes'), urlButton, quickReply('No')];
    expect(validateTemplateMessage(message({ buttons }), bodySamples, 'UTILITY')).toEqual([
      { component: 'buttons', field: 'buttons', rule: 'TEMPLATE_QUICK_REPLIES_NOT_GROUPED', params: {} },
    ]);
  });

  it('accepts two URL buttons', () => {
    expect(validateTemplateMessage(message({ buttons: [urlButton, urlButton] }), bodySamples, 'UTILITY')).toEqual([]);
  });

  it('rejects three URL buttons', () => {
    const violations = validateTemplateMessage(message({ buttons: [urlButton, urlButton, urlButton] }), bodySamples, 'UTILITY');
    expect(violations).toEqual([
      { component: 'buttons', field: 'buttons', rule: 'TEMPLATE_URL_BUTTONS_TOO_MANY', params: { max: 2, count: 3 } },
    ]);
  });

  it('rejects two phone buttons', () => {
    const violations = validateTemplateMessage(message({ buttons: [phoneButton, phoneButton] }), bodySamples, 'UTILITY');
    expect(violations).toEqual([
      { component: 'buttons', field: 'buttons', rule: 'TEMPLATE_PHONE_BUTTONS_TOO_MANY', params: { max: 1, count: 2 } },
    ]);
  });

  it('rejects two copy-code buttons', () => {
    const violations = validateTemplateMessage(message({ buttons: [copyCode, copyCode] }), bodySamples, 'MARKETING');
    expect(violations).toEqual([
      { component: 'buttons', field: 'buttons', rule: 'TEMPLATE_COPY_CODE_BUTTONS_TOO_MANY', params: { max: 1, count: 2 } },
    ]);
  });

  it.each(['UTILITY', 'AUTHENTICATION'])('rejects a copy-code button in %s', (category) => {
    expect(validateTemplateMessage(message({ buttons: [copyCode] }), bodySamples, category)).toEqual([
      { component: 'buttons', field: 'buttons[0].type', rule: 'TEMPLATE_COPY_CODE_ONLY_IN_MARKETING', params: { category } },
    ]);
  });

  it('rejects a copy code of 16 characters', () => {
    const violations = validateTemplateMessage(message({ buttons: [{ type: 'COPY_CODE', code: 'C'.repeat(16) }] }), bodySamples, 'MARKETING');
    expect(rules(violations)).toEqual(['TEMPLATE_COPY_CODE_TOO_LONG']);
  });

  it('rejects an unknown button type', () => {
    const violations = validateTemplateMessage(message({ buttons: [{ type: 'FLOW', text: 'Go' }] }), bodySamples, 'UTILITY');
    expect(rules(violations)).toEqual(['TEMPLATE_BUTTON_TYPE_UNKNOWN']);
  });

  it('requires button text', () => {
    const violations = validateTemplateMessage(message({ buttons: [{ type: 'QUICK_REPLY' }] }), bodySamples, 'UTILITY');
    expect(violations).toEqual([{ component: 'buttons', field: 'buttons[0].text', rule: 'FIELD_REQUIRED', params: {} }]);
  });

  it('rejects button text of 26 characters', () => {
    const violations = validateTemplateMessage(message({ buttons: [quickReply('r'.repeat(26))] }), bodySamples, 'UTILITY');
    expect(violations[0]).toMatchObject({ rule: 'TEMPLATE_BUTTON_TEXT_TOO_LONG', params: { max: 25, length: 26 } });
  });

  it.each(['ftp://example.com', 'not a url', 'https://'])('rejects URL %s', (url) => {
    const violations = validateTemplateMessage(message({ buttons: [{ ...urlButton, url }] }), bodySamples, 'UTILITY');
    expect(rules(violations)).toEqual(['TEMPLATE_BUTTON_URL_INVALID']);
  });

  it('accepts a URL ending with {{1}} and a sample', () => {
    const buttons = [{ ...urlButton, url: 'https://example.com/track/{{1}}' }];
    expect(validateTemplateMessage(message({ buttons }), { ...bodySamples, buttons: { 0: 'A-100' } }, 'UTILITY')).toEqual([]);
  });

  it('requires a sample for the URL variable', () => {
    const buttons = [{ ...urlButton, url: 'https://example.com/track/{{1}}' }];
    expect(validateTemplateMessage(message({ buttons }), bodySamples, 'UTILITY')).toEqual([
      { component: 'buttons', field: 'samples.buttons.0', rule: 'TEMPLATE_VARIABLE_SAMPLE_MISSING', params: { variable: '{{1}}' } },
    ]);
  });

  it('rejects a URL variable in the middle', () => {
    const buttons = [{ ...urlButton, url: 'https://example.com/{{1}}/track' }];
    const violations = validateTemplateMessage(message({ buttons }), { ...bodySamples, buttons: { 0: 'x' } }, 'UTILITY');
    expect(rules(violations)).toEqual(['TEMPLATE_BUTTON_URL_VARIABLE_NOT_AT_END']);
  });

  it.each(['081100000001', '+0811', 'call me'])('rejects button phone number %s', (phoneNumber) => {
    const violations = validateTemplateMessage(message({ buttons: [{ ...phoneButton, phoneNumber }] }), bodySamples, 'UTILITY');
    expect(rules(violations)).toEqual(['TEMPLATE_BUTTON_PHONE_NUMBER_INVALID']);
  });
});

describe('validateTemplateMessage overall', () => {
  it('reports violations of every component together', () => {
    const violations = validateTemplateMessage(
      {
        header: { format: 'TEXT', text: 'h'.repeat(61) },
        body: '{{1}} body',
        footer: 'Footer {{1}} here',
        buttons: [{ type: 'COPY_CODE', code: 'X' }],
      },
      { body: ['a'] },
      'UTILITY',
    );

    expect(violations.map((violation) => [violation.component, violation.rule])).toEqual([
      ['header', 'TEMPLATE_HEADER_TOO_LONG'],
      ['body', 'TEMPLATE_VARIABLE_AT_BODY_START'],
      ['footer', 'TEMPLATE_FOOTER_HAS_VARIABLES'],
      ['buttons', 'TEMPLATE_COPY_CODE_ONLY_IN_MARKETING'],
    ]);
  });
});
