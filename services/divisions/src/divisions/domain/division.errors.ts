import { COMMON_MESSAGES, DIVISIONS_MESSAGES, DomainError, formatMessage } from '@regu/contracts';
import type { FieldError } from '@regu/contracts';

type Params = Record<string, string | number>;

const MESSAGES = { ...COMMON_MESSAGES, ...DIVISIONS_MESSAGES };

/** Formats the English message of `code`. The gateway renders the Indonesian one from the same code. */
export function englishMessage(code: string, params: Params = {}): string {
  const message = MESSAGES[code];
  if (message === undefined) {
    throw new Error(`No message for error code ${code}; add it to DIVISIONS_MESSAGES`);
  }
  return formatMessage(message.en, params);
}

/** Builds one entry of `errors`. The params go along because the gateway renders the message again in the caller's language. */
export function fieldError(field: string, code: string, params: Params = {}): FieldError {
  const error: FieldError = { field, code, message: englishMessage(code, params) };
  return Object.keys(params).length === 0 ? error : { ...error, params };
}

/** A command with missing or malformed fields. `errors` lists every offending field at once. */
export class DivisionInputInvalid extends DomainError {
  constructor(errors: FieldError[]) {
    super('VALIDATION_FAILED', 400, englishMessage('VALIDATION_FAILED'), {}, errors);
  }
}

export class DivisionNameAlreadyUsed extends DomainError {
  constructor(name: string) {
    super('DIVISION_NAME_ALREADY_USED', 409, englishMessage('DIVISION_NAME_ALREADY_USED', { name }), { name }, [
      fieldError('name', 'DIVISION_NAME_ALREADY_USED', { name }),
    ]);
  }
}

/** The division never existed or was deleted. */
export class DivisionNotFound extends DomainError {
  constructor(divisionId: string) {
    super('DIVISION_NOT_FOUND', 404, englishMessage('DIVISION_NOT_FOUND', { divisionId }), { divisionId });
  }
}

/** A create command for an id whose stream already has events, even of a deleted division. */
export class DivisionAlreadyExists extends DomainError {
  constructor(divisionId: string) {
    super('DIVISION_ALREADY_EXISTS', 409, englishMessage('DIVISION_ALREADY_EXISTS', { divisionId }), { divisionId });
  }
}

export class SupervisorNotActive extends DomainError {
  constructor(supervisorId: string) {
    super('SUPERVISOR_NOT_ACTIVE', 400, englishMessage('SUPERVISOR_NOT_ACTIVE', { supervisorId }), { supervisorId }, [
      fieldError('supervisorId', 'SUPERVISOR_NOT_ACTIVE', { supervisorId }),
    ]);
  }
}

/**
 * Names every requested agent that is not an active agent of the organization, each
 * with the request field that contains it, such as `agentIds[2]`.
 */
export class AgentsNotActive extends DomainError {
  constructor(offending: Array<{ field: string; agentId: string }>) {
    const agentIds = offending.map(({ agentId }) => agentId).join(', ');
    const errors = offending.map(({ field, agentId }) => fieldError(field, 'AGENTS_NOT_ACTIVE', { agentIds: agentId }));
    super('AGENTS_NOT_ACTIVE', 400, englishMessage('AGENTS_NOT_ACTIVE', { agentIds }), { agentIds }, errors);
  }
}

/** Names every requested channel that is not a connected channel of the organization. */
export class ChannelsNotConnected extends DomainError {
  constructor(offending: Array<{ index: number; channelId: string }>) {
    const channelIds = offending.map(({ channelId }) => channelId).join(', ');
    const errors = offending.map(({ index, channelId }) =>
      fieldError(`channelScope.channelIds[${index}]`, 'CHANNELS_NOT_CONNECTED', { channelIds: channelId }),
    );
    super('CHANNELS_NOT_CONNECTED', 400, englishMessage('CHANNELS_NOT_CONNECTED', { channelIds }), { channelIds }, errors);
  }
}

/** An admin may not leave a division without agents. Only the service's own reactions may. */
export class LastAgentCannotBeRemoved extends DomainError {
  constructor(divisionId: string, agentId: string) {
    const params = { divisionId, agentId };
    super('LAST_AGENT_CANNOT_BE_REMOVED', 409, englishMessage('LAST_AGENT_CANNOT_BE_REMOVED', params), params);
  }
}
