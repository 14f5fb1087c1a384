import {
  TEMPLATE_BUTTON_TYPES,
  TEMPLATE_CATEGORIES,
  TEMPLATE_HEADER_FORMATS,
  type TemplateCategory,
  type TemplateSamples,
} from '@regu/contracts';
import { isSupportedTemplateLanguage } from './template-languages';
import {
  characterCount,
  distinctVariableNumbers,
  firstMissingVariableNumber,
  parseTemplateText,
  type TemplateVariable,
} from './template-variables';

/** WhatsApp's limits for template content, as the Cloud API documents them. */
export const TEMPLATE_LIMITS = {
  nameMaxLength: 512,
  headerTextMaxLength: 60,
  headerMaxVariables: 1,
  bodyMaxLength: 1024,
  footerMaxLength: 60,
  buttonsMax: 10,
  buttonTextMaxLength: 25,
  urlButtonsMax: 2,
  urlMaxLength: 2000,
  phoneButtonsMax: 1,
  phoneNumberMaxLength: 20,
  copyCodeButtonsMax: 1,
  copyCodeMaxLength: 15,
} as const;

/** The part of the template form a violation points at. */
export type TemplateComponent =
  | 'channel'
  | 'name'
  | 'category'
  | 'language'
  | 'header'
  | 'body'
  | 'footer'
  | 'buttons';

/** Stable codes of the template rules; each has an English and Indonesian message. */
export type TemplateRuleCode =
  | 'FIELD_REQUIRED'
  | 'TEMPLATE_NAME_INVALID_CHARACTERS'
  | 'TEMPLATE_NAME_TOO_LONG'
  | 'TEMPLATE_CATEGORY_UNKNOWN'
  | 'TEMPLATE_LANGUAGE_UNSUPPORTED'
  | 'TEMPLATE_HEADER_FORMAT_UNKNOWN'
  | 'TEMPLATE_HEADER_TOO_LONG'
  | 'TEMPLATE_HEADER_TOO_MANY_VARIABLES'
  | 'TEMPLATE_BODY_TOO_LONG'
  | 'TEMPLATE_FOOTER_TOO_LONG'
  | 'TEMPLATE_FOOTER_HAS_VARIABLES'
  | 'TEMPLATE_VARIABLE_MALFORMED'
  | 'TEMPLATE_VARIABLES_NOT_SEQUENTIAL'
  | 'TEMPLATE_VARIABLE_AT_BODY_START'
  | 'TEMPLATE_VARIABLE_AT_BODY_END'
  | 'TEMPLATE_VARIABLES_ADJACENT'
  | 'TEMPLATE_VARIABLE_SAMPLE_MISSING'
  | 'TEMPLATE_BUTTONS_TOO_MANY'
  | 'TEMPLATE_BUTTON_TYPE_UNKNOWN'
  | 'TEMPLATE_BUTTON_TEXT_TOO_LONG'
  | 'TEMPLATE_QUICK_REPLIES_NOT_GROUPED'
  | 'TEMPLATE_URL_BUTTONS_TOO_MANY'
  | 'TEMPLATE_BUTTON_URL_INVALID'
  | 'TEMPLATE_BUTTON_URL_VARIABLE_NOT_AT_END'
  | 'TEMPLATE_PHONE_BUTTONS_TOO_MANY'
  | 'TEMPLATE_BUTTON_PHONE_NUMBER_INVALID'
  | 'TEMPLATE_COPY_CODE_BUTTONS_TOO_MANY'
  | 'TEMPLATE_COPY_CODE_ONLY_IN_MARKETING'
  | 'TEMPLATE_COPY_CODE_TOO_LONG';

/**
 * One broken rule: which component, which field inside it (`buttons[2].text`), the
 * rule's code, and the values its message needs to say how to fix it.
 */
export interface TemplateRuleViolation {
  component: TemplateComponent;
  field: string;
  rule: TemplateRuleCode;
  params: Record<string, string | number>;
}

/** The details step as the client sent it; values are unchecked input. */
export interface TemplateDetailsInput {
  channelId?: string;
  name?: string;
  category?: string;
  language?: string;
}

/** The message step as the client sent it; values are unchecked input. */
export interface TemplateMessageInput {
  header?: { format?: string; text?: string };
  body?: string;
  footer?: string;
  buttons?: Array<{ type?: string; text?: string; url?: string; phoneNumber?: string; code?: string }>;
}

const NAME_PATTERN = /^[a-z0-9_]+$/;
const PHONE_NUMBER_PATTERN = /^\+[1-9][0-9]{6,18}$/;

function violation(
  component: TemplateComponent,
  field: string,
  rule: TemplateRuleCode,
  params: Record<string, string | number> = {},
): TemplateRuleViolation {
  return { component, field, rule, params };
}

function isBlank(value: string | undefined): value is undefined {
  return value === undefined || value.trim() === '';
}

/**
 * Validates the details step ("Next") on its own and returns every broken rule, or an
 * empty list. A missing value is reported as FIELD_REQUIRED, which the API answers
 * with 400; the other rules are WhatsApp's and answer 422.
 */
export function validateTemplateDetails(details: TemplateDetailsInput): TemplateRuleViolation[] {
  const violations: TemplateRuleViolation[] = [];

  if (isBlank(details.channelId)) {
    violations.push(violation('channel', 'channelId', 'FIELD_REQUIRED'));
  }

  if (isBlank(details.name)) {
    violations.push(violation('name', 'name', 'FIELD_REQUIRED'));
  } else {
    if (!NAME_PATTERN.test(details.name)) {
      violations.push(violation('name', 'name', 'TEMPLATE_NAME_INVALID_CHARACTERS', { name: details.name }));
    }
    if (details.name.length > TEMPLATE_LIMITS.nameMaxLength) {
      violations.push(
        violation('name', 'name', 'TEMPLATE_NAME_TOO_LONG', {
          max: TEMPLATE_LIMITS.nameMaxLength,
          length: details.name.length,
        }),
      );
    }
  }

  if (isBlank(details.category)) {
    violations.push(violation('category', 'category', 'FIELD_REQUIRED'));
  } else if (!(TEMPLATE_CATEGORIES as readonly string[]).includes(details.category)) {
    violations.push(
      violation('category', 'category', 'TEMPLATE_CATEGORY_UNKNOWN', {
        category: details.category,
        allowed: TEMPLATE_CATEGORIES.join(', '),
      }),
    );
  }

  if (isBlank(details.language)) {
    violations.push(violation('language', 'language', 'FIELD_REQUIRED'));
  } else if (!isSupportedTemplateLanguage(details.language)) {
    violations.push(violation('language', 'language', 'TEMPLATE_LANGUAGE_UNSUPPORTED', { language: details.language }));
  }

  return violations;
}

/**
 * Validates the message step ("Submit") and returns every broken rule, or an empty
 * list. `category` is the one chosen in the details step, because a copy-code button
 * is allowed only in MARKETING templates.
 */
export function validateTemplateMessage(
  message: TemplateMessageInput,
  samples: TemplateSamples,
  category: TemplateCategory | string | undefined,
): TemplateRuleViolation[] {
  return [
    ...validateHeader(message.header, samples.header ?? []),
    ...validateBody(message.body, samples.body ?? []),
    ...validateFooter(message.footer),
    ...validateButtons(message.buttons ?? [], samples.buttons ?? {}, category),
  ];
}

function validateHeader(header: TemplateMessageInput['header'], samples: string[]): TemplateRuleViolation[] {
  if (header === undefined) {
    return [];
  }

  if (isBlank(header.format)) {
    return [violation('header', 'header.format', 'FIELD_REQUIRED')];
  }
  if (!(TEMPLATE_HEADER_FORMATS as readonly string[]).includes(header.format)) {
    return [
      violation('header', 'header.format', 'TEMPLATE_HEADER_FORMAT_UNKNOWN', {
        format: header.format,
        allowed: TEMPLATE_HEADER_FORMATS.join(', '),
      }),
    ];
  }
  if (header.format !== 'TEXT') {
    return [];
  }

  if (isBlank(header.text)) {
    return [violation('header', 'header.text', 'FIELD_REQUIRED')];
  }

  const violations: TemplateRuleViolation[] = [];
  const length = characterCount(header.text);
  if (length > TEMPLATE_LIMITS.headerTextMaxLength) {
    violations.push(
      violation('header', 'header.text', 'TEMPLATE_HEADER_TOO_LONG', { max: TEMPLATE_LIMITS.headerTextMaxLength, length }),
    );
  }

  const parsed = parseTemplateText(header.text);
  violations.push(...malformedViolations('header', 'header.text', parsed.malformed));

  const numbers = distinctVariableNumbers(parsed.variables);
  if (parsed.variables.length > TEMPLATE_LIMITS.headerMaxVariables) {
    violations.push(
      violation('header', 'header.text', 'TEMPLATE_HEADER_TOO_MANY_VARIABLES', {
        max: TEMPLATE_LIMITS.headerMaxVariables,
        count: parsed.variables.length,
      }),
    );
  }
  violations.push(...sequenceViolations('header', 'header.text', numbers));
  violations.push(...sampleViolations('header', 'samples.header', numbers, samples));

  return violations;
}

function validateBody(body: string | undefined, samples: string[]): TemplateRuleViolation[] {
  if (isBlank(body)) {
    return [violation('body', 'body', 'FIELD_REQUIRED')];
  }

  const violations: TemplateRuleViolation[] = [];
  const length = characterCount(body);
  if (length > TEMPLATE_LIMITS.bodyMaxLength) {
    violations.push(violation('body', 'body', 'TEMPLATE_BODY_TOO_LONG', { max: TEMPLATE_LIMITS.bodyMaxLength, length }));
  }

  const parsed = parseTemplateText(body);
  violations.push(...malformedViolations('body', 'body', parsed.malformed));

  const numbers = distinctVariableNumbers(parsed.variables);
  violations.push(...sequenceViolations('body', 'body', numbers));
  violations.push(...placementViolations(body, parsed.variables));
  violations.push(...sampleViolations('body', 'samples.body', numbers, samples));

  return violations;
}

/** WhatsApp rejects a body that starts or ends with a variable, or has two variables with only spaces between them. */
function placementViolations(body: string, variables: TemplateVariable[]): TemplateRuleViolation[] {
  if (variables.length === 0) {
    return [];
  }

  const violations: TemplateRuleViolation[] = [];
  const first = variables[0];
  const last = variables[variables.length - 1];

  if (body.slice(0, first.start).trim() === '') {
    violations.push(violation('body', 'body', 'TEMPLATE_VARIABLE_AT_BODY_START', { variable: `{{${first.index}}}` }));
  }
  if (body.slice(last.end).trim() === '') {
    violations.push(violation('body', 'body', 'TEMPLATE_VARIABLE_AT_BODY_END', { variable: `{{${last.index}}}` }));
  }

  for (let i = 1; i < variables.length; i += 1) {
    const previous = variables[i - 1];
    const current = variables[i];
    if (body.slice(previous.end, current.start).trim() === '') {
      violations.push(
        violation('body', 'body', 'TEMPLATE_VARIABLES_ADJACENT', {
          first: `{{${previous.index}}}`,
          second: `{{${current.index}}}`,
        }),
      );
    }
  }

  return violations;
}

function validateFooter(footer: string | undefined): TemplateRuleViolation[] {
  if (footer === undefined || footer === '') {
    return [];
  }

  const violations: TemplateRuleViolation[] = [];
  const length = characterCount(footer);
  if (length > TEMPLATE_LIMITS.footerMaxLength) {
    violations.push(violation('footer', 'footer', 'TEMPLATE_FOOTER_TOO_LONG', { max: TEMPLATE_LIMITS.footerMaxLength, length }));
  }

  const parsed = parseTemplateText(footer);
  if (parsed.variables.length > 0 || parsed.malformed.length > 0) {
    violations.push(violation('footer', 'footer', 'TEMPLATE_FOOTER_HAS_VARIABLES'));
  }

  return violations;
}

function validateButtons(
  buttons: NonNullable<TemplateMessageInput['buttons']>,
  samples: Record<number, string>,
  category: string | undefined,
): TemplateRuleViolation[] {
  const violations: TemplateRuleViolation[] = [];

  if (buttons.length > TEMPLATE_LIMITS.buttonsMax) {
    violations.push(
      violation('buttons', 'buttons', 'TEMPLATE_BUTTONS_TOO_MANY', { max: TEMPLATE_LIMITS.buttonsMax, count: buttons.length }),
    );
  }

  buttons.forEach((button, position) => {
    violations.push(...validateButton(button, position, samples[position], category));
  });

  violations.push(...buttonGroupingViolations(buttons));
  violations.push(...buttonCountViolations(buttons));

  return violations;
}

function validateButton(
  button: NonNullable<TemplateMessageInput['buttons']>[number],
  position: number,
  sample: string | undefined,
  category: string | undefined,
): TemplateRuleViolation[] {
  const field = `buttons[${position}]`;

  if (isBlank(button.type)) {
    return [violation('buttons', `${field}.type`, 'FIELD_REQUIRED')];
  }
  if (!(TEMPLATE_BUTTON_TYPES as readonly string[]).includes(button.type)) {
    return [
      violation('buttons', `${field}.type`, 'TEMPLATE_BUTTON_TYPE_UNKNOWN', {
        type: button.type,
        allowed: TEMPLATE_BUTTON_TYPES.join(', '),
      }),
    ];
  }

  if (button.type === 'COPY_CODE') {
    return validateCopyCodeButton(button.code, field, category);
  }

  const violations = validateButtonText(button.text, field);
  if (button.type === 'URL') {
    violations.push(...validateUrlButton(button.url, field, position, sample));
  }
  if (button.type === 'PHONE_NUMBER') {
    violations.push(...validatePhoneButton(button.phoneNumber, field));
  }
  return violations;
}

function validateButtonText(text: string | undefined, field: string): TemplateRuleViolation[] {
  if (isBlank(text)) {
    return [violation('buttons', `${field}.text`, 'FIELD_REQUIRED')];
  }

  const length = characterCount(text);
  if (length > TEMPLATE_LIMITS.buttonTextMaxLength) {
    return [
      violation('buttons', `${field}.text`, 'TEMPLATE_BUTTON_TEXT_TOO_LONG', {
        max: TEMPLATE_LIMITS.buttonTextMaxLength,
        length,
      }),
    ];
  }
  return [];
}

/** A URL button may end with one `{{1}}` that each message fills; it then needs a sample. */
function validateUrlButton(
  url: string | undefined,
  field: string,
  position: number,
  sample: string | undefined,
): TemplateRuleViolation[] {
  if (isBlank(url)) {
    return [violation('buttons', `${field}.url`, 'FIELD_REQUIRED')];
  }

  const parsed = parseTemplateText(url);
  const withoutVariable = url.replace(/\{\{1\}\}$/, '');
  const hasTrailingVariable = withoutVariable !== url;

  if (!isHttpUrl(withoutVariable) || url.length > TEMPLATE_LIMITS.urlMaxLength) {
    return [violation('buttons', `${field}.url`, 'TEMPLATE_BUTTON_URL_INVALID', { url, maxLength: TEMPLATE_LIMITS.urlMaxLength })];
  }
  if (parsed.malformed.length > 0 || parsed.variables.length > (hasTrailingVariable ? 1 : 0)) {
    return [violation('buttons', `${field}.url`, 'TEMPLATE_BUTTON_URL_VARIABLE_NOT_AT_END', { url })];
  }
  if (hasTrailingVariable && isBlank(sample)) {
    return [violation('buttons', `samples.buttons.${position}`, 'TEMPLATE_VARIABLE_SAMPLE_MISSING', { variable: '{{1}}' })];
  }
  return [];
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function validatePhoneButton(phoneNumber: string | undefined, field: string): TemplateRuleViolation[] {
  if (isBlank(phoneNumber)) {
    return [violation('buttons', `${field}.phoneNumber`, 'FIELD_REQUIRED')];
  }
  if (!PHONE_NUMBER_PATTERN.test(phoneNumber)) {
    return [violation('buttons', `${field}.phoneNumber`, 'TEMPLATE_BUTTON_PHONE_NUMBER_INVALID', { phoneNumber })];
  }
  return [];
}

function validateCopyCodeButton(code: string | undefined, field: string, category: string | undefined): TemplateRuleViolation[] {
  const violations: TemplateRuleViolation[] = [];

  if (category !== undefined && category !== 'MARKETING') {
    violations.push(violation('buttons', `${field}.type`, 'TEMPLATE_COPY_CODE_ONLY_IN_MARKETING', { category }));
  }
  if (isBlank(code)) {
    violations.push(violation('buttons', `${field}.code`, 'FIELD_REQUIRED'));
  } else if (characterCount(code) > TEMPLATE_LIMITS.copyCodeMaxLength) {
    violations.push(
      violation('buttons', `${field}.code`, 'TEMPLATE_COPY_CODE_TOO_LONG', {
        max: TEMPLATE_LIMITS.copyCodeMaxLength,
        length: characterCount(code),
      }),
    );
  }

  return violations;
}

/** Quick replies must sit next to each other, so no other button may come between two of them. */
function buttonGroupingViolations(buttons: NonNullable<TemplateMessageInput['buttons']>): TemplateRuleViolation[] {
  const positions = buttons.flatMap((button, position) => (button.type === 'QUICK_REPLY' ? [position] : []));
  if (positions.length < 2) {
    return [];
  }

  const first = positions[0];
  const last = positions[positions.length - 1];
  if (last - first + 1 === positions.length) {
    return [];
  }
  return [violation('buttons', 'buttons', 'TEMPLATE_QUICK_REPLIES_NOT_GROUPED')];
}

function buttonCountViolations(buttons: NonNullable<TemplateMessageInput['buttons']>): TemplateRuleViolation[] {
  const count = (type: string) => buttons.filter((button) => button.type === type).length;
  const violations: TemplateRuleViolation[] = [];

  const urlButtons = count('URL');
  if (urlButtons > TEMPLATE_LIMITS.urlButtonsMax) {
    violations.push(
      violation('buttons', 'buttons', 'TEMPLATE_URL_BUTTONS_TOO_MANY', { max: TEMPLATE_LIMITS.urlButtonsMax, count: urlButtons }),
    );
  }

  const phoneButtons = count('PHONE_NUMBER');
  if (phoneButtons > TEMPLATE_LIMITS.phoneButtonsMax) {
    violations.push(
      violation('buttons', 'buttons', 'TEMPLATE_PHONE_BUTTONS_TOO_MANY', {
        max: TEMPLATE_LIMITS.phoneButtonsMax,
        count: phoneButtons,
      }),
    );
  }

  const copyCodeButtons = count('COPY_CODE');
  if (copyCodeButtons > TEMPLATE_LIMITS.copyCodeButtonsMax) {
    violations.push(
      violation('buttons', 'buttons', 'TEMPLATE_COPY_CODE_BUTTONS_TOO_MANY', {
        max: TEMPLATE_LIMITS.copyCodeButtonsMax,
        count: copyCodeButtons,
      }),
    );
  }

  return violations;
}

function malformedViolations(component: TemplateComponent, field: string, malformed: string[]): TemplateRuleViolation[] {
  return malformed.map((placeholder) => violation(component, field, 'TEMPLATE_VARIABLE_MALFORMED', { placeholder }));
}

function sequenceViolations(component: TemplateComponent, field: string, numbers: number[]): TemplateRuleViolation[] {
  const missing = firstMissingVariableNumber(numbers);
  if (missing === undefined) {
    return [];
  }
  return [
    violation(component, field, 'TEMPLATE_VARIABLES_NOT_SEQUENTIAL', {
      expected: `{{${missing}}}`,
      found: numbers.map((number) => `{{${number}}}`).join(', '),
    }),
  ];
}

function sampleViolations(
  component: TemplateComponent,
  field: string,
  numbers: number[],
  samples: string[],
): TemplateRuleViolation[] {
  return numbers
    .filter((number) => isBlank(samples[number - 1]))
    .map((number) => violation(component, `${field}.${number - 1}`, 'TEMPLATE_VARIABLE_SAMPLE_MISSING', { variable: `{{${number}}}` }));
}
