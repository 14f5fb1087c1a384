import { COMMON_MESSAGES, DomainError, WHATSAPP_MESSAGES, formatMessage, type FieldError } from '@regu/contracts';

function englishMessage(code: string, params: Record<string, string | number>): string {
  const message = WHATSAPP_MESSAGES[code] ?? COMMON_MESSAGES[code];
  return formatMessage(message?.en ?? code, params);
}

/** A field-level problem with a channel command, before any business rule runs. */
export interface ChannelFieldProblem {
  field: string;
  code: string;
  params?: Record<string, string | number>;
}

/** A channel command with missing or malformed fields (400), listing every field. */
export class ChannelInputInvalid extends DomainError {
  constructor(problems: ChannelFieldProblem[]) {
    const errors: FieldError[] = problems.map((problem) => ({
      field: problem.field,
      code: problem.code,
      message: englishMessage(problem.code, problem.params ?? {}),
      params: problem.params ?? {},
    }));
    super('VALIDATION_FAILED', 400, COMMON_MESSAGES.VALIDATION_FAILED.en, {}, errors);
  }
}

export class ChannelAlreadyConnected extends DomainError {
  constructor(channelId: string) {
    super('CHANNEL_ALREADY_CONNECTED', 409, englishMessage('CHANNEL_ALREADY_CONNECTED', { channelId }), { channelId });
  }
}

/** A phone number is connected at most once at a time; the application checks it against its read model. */
export class ChannelPhoneNumberAlreadyConnected extends DomainError {
  constructor(phoneNumber: string) {
    super(
      'CHANNEL_PHONE_NUMBER_ALREADY_CONNECTED',
      409,
      englishMessage('CHANNEL_PHONE_NUMBER_ALREADY_CONNECTED', { phoneNumber }),
      { phoneNumber },
    );
  }
}

export class ChannelNotFound extends DomainError {
  constructor(channelId: string) {
    super('CHANNEL_NOT_FOUND', 404, englishMessage('CHANNEL_NOT_FOUND', { channelId }), { channelId });
  }
}

export class ChannelIsDisconnected extends DomainError {
  constructor(channelId: string) {
    super('CHANNEL_DISCONNECTED', 409, englishMessage('CHANNEL_DISCONNECTED', { channelId }), { channelId });
  }
}

/** The provider rejected the access token while connecting or updating; `reason` is the provider's plain-words reason. */
export class ChannelTokenRejected extends DomainError {
  constructor(reason: string) {
    super('CHANNEL_TOKEN_REJECTED', 422, englishMessage('CHANNEL_TOKEN_REJECTED', { reason }), { reason });
  }
}
