import type { ChannelReconnectionReason } from '@regu/contracts';
import {
  ChannelAlreadyConnected,
  ChannelInputInvalid,
  ChannelIsDisconnected,
  ChannelNotFound,
  type ChannelFieldProblem,
} from './channel.errors';
import {
  CHANNEL_EVENT_TYPES,
  type ChannelConnected,
  type ChannelDisconnected,
  type ChannelMarkedForReconnection,
  type ChannelReconnected,
  type ChannelSettingsUpdated,
} from './channel.events';
import type { ChannelState, ChannelTokenRef } from './channel.evolve';

/** The clock, injected so deciders stay pure. */
export interface DecideContext {
  now: Date;
}

export const CHANNEL_DISPLAY_NAME_MAX_LENGTH = 100;

/** E.164: a plus sign, a country code that does not start with 0, and at most 15 digits in all. */
const E164_PATTERN = /^\+[1-9][0-9]{1,14}$/;
/** Meta's WhatsApp Business Account and phone number ids are numeric strings. */
const META_ID_PATTERN = /^[0-9]{1,30}$/;

export interface ConnectChannel {
  channelId: string;
  displayName: string;
  phoneNumber: string;
  wabaId: string;
  phoneNumberId: string;
  /** The encrypted token's reference and fingerprint; the token itself never reaches the domain. */
  token: ChannelTokenRef;
}

/**
 * Connects a number whose token the provider already accepted. A disconnected channel
 * may be connected again; a repeated identical command changes nothing.
 */
export function connectChannel(command: ConnectChannel, state: ChannelState, context: DecideContext): ChannelConnected[] {
  assertValid([
    ...displayNameProblems(command.displayName, true),
    ...phoneNumberProblems(command.phoneNumber),
    ...metaIdProblems('wabaId', command.wabaId, 'CHANNEL_WABA_ID_INVALID'),
    ...metaIdProblems('phoneNumberId', command.phoneNumberId, 'CHANNEL_PHONE_NUMBER_ID_INVALID'),
    ...tokenProblems(command.token),
  ]);

  if (state.status === 'CONNECTED' && isSameConnection(command, state)) {
    return [];
  }
  if (state.status === 'CONNECTED' || state.status === 'NEEDS_RECONNECTION') {
    throw new ChannelAlreadyConnected(command.channelId);
  }

  return [
    {
      type: CHANNEL_EVENT_TYPES.connected,
      data: {
        channelId: command.channelId,
        displayName: command.displayName.trim(),
        phoneNumber: command.phoneNumber,
        wabaId: command.wabaId,
        phoneNumberId: command.phoneNumberId,
        tokenReference: command.token.reference,
        tokenFingerprint: command.token.fingerprint,
        connectedAt: context.now.toISOString(),
      },
    },
  ];
}

function isSameConnection(command: ConnectChannel, state: Extract<ChannelState, { status: 'CONNECTED' }>): boolean {
  return (
    state.displayName === command.displayName.trim() &&
    state.phoneNumber === command.phoneNumber &&
    state.wabaId === command.wabaId &&
    state.phoneNumberId === command.phoneNumberId &&
    state.token.fingerprint === command.token.fingerprint
  );
}

export interface UpdateChannelSettings {
  channelId: string;
  displayName?: string;
  /** A new token that the provider already accepted. */
  token?: ChannelTokenRef;
}

/**
 * Changes the display name or the token. A new token on a channel that needs
 * reconnection reconnects it, because the provider accepted that token.
 */
export function updateChannelSettings(
  command: UpdateChannelSettings,
  state: ChannelState,
  context: DecideContext,
): Array<ChannelSettingsUpdated | ChannelReconnected> {
  assertValid([
    ...(command.displayName === undefined ? [] : displayNameProblems(command.displayName, true)),
    ...(command.token === undefined ? [] : tokenProblems(command.token)),
  ]);

  if (state.status === 'NONE') {
    throw new ChannelNotFound(command.channelId);
  }
  if (state.status === 'DISCONNECTED') {
    throw new ChannelIsDisconnected(command.channelId);
  }

  const displayName = command.displayName?.trim();
  const displayNameChanged = displayName !== undefined && displayName !== state.displayName;
  const tokenChanged = command.token !== undefined && command.token.fingerprint !== state.token.fingerprint;
  const at = context.now.toISOString();
  const events: Array<ChannelSettingsUpdated | ChannelReconnected> = [];

  if (state.status === 'NEEDS_RECONNECTION' && command.token !== undefined) {
    if (displayNameChanged) {
      events.push({
        type: CHANNEL_EVENT_TYPES.settingsUpdated,
        data: { channelId: state.channelId, displayName, updatedAt: at },
      });
    }
    events.push(reconnected(state.channelId, command.token, at));
    return events;
  }

  if (!displayNameChanged && !tokenChanged) {
    return [];
  }

  const data: ChannelSettingsUpdated['data'] = { channelId: state.channelId, updatedAt: at };
  if (displayNameChanged) {
    data.displayName = displayName;
  }
  if (tokenChanged && command.token !== undefined) {
    data.tokenReference = command.token.reference;
    data.tokenFingerprint = command.token.fingerprint;
  }
  return [{ type: CHANNEL_EVENT_TYPES.settingsUpdated, data }];
}

export interface MarkChannelForReconnection {
  channelId: string;
  reason: ChannelReconnectionReason;
  providerErrorCode?: number;
  providerErrorSubcode?: number;
  /**
   * The fingerprint of the token the provider rejected. When it is not the channel's
   * current token, an admin already replaced it, so the mark is dropped.
   */
  tokenFingerprint?: string;
}

/**
 * Marks a connected channel as needing reconnection after the provider said its token
 * expired or was revoked. Marking again, or marking a disconnected channel, changes nothing.
 */
export function markChannelForReconnection(
  command: MarkChannelForReconnection,
  state: ChannelState,
  context: DecideContext,
): ChannelMarkedForReconnection[] {
  if (state.status === 'NONE') {
    throw new ChannelNotFound(command.channelId);
  }
  if (state.status !== 'CONNECTED') {
    return [];
  }
  if (command.tokenFingerprint !== undefined && command.tokenFingerprint !== state.token.fingerprint) {
    return [];
  }

  const data: ChannelMarkedForReconnection['data'] = {
    channelId: state.channelId,
    reason: command.reason,
    markedAt: context.now.toISOString(),
  };
  if (command.providerErrorCode !== undefined) {
    data.providerErrorCode = command.providerErrorCode;
  }
  if (command.providerErrorSubcode !== undefined) {
    data.providerErrorSubcode = command.providerErrorSubcode;
  }

  return [{ type: CHANNEL_EVENT_TYPES.markedForReconnection, data }];
}

export interface ReconnectChannel {
  channelId: string;
  /** A token that the provider already accepted. */
  token: ChannelTokenRef;
}

/**
 * Reconnects a channel that needs reconnection or was disconnected, with a new token.
 * Reconnecting a connected channel with its current token changes nothing.
 */
export function reconnectChannel(command: ReconnectChannel, state: ChannelState, context: DecideContext): ChannelReconnected[] {
  assertValid(tokenProblems(command.token));

  if (state.status === 'NONE') {
    throw new ChannelNotFound(command.channelId);
  }
  if (state.status === 'CONNECTED' && state.token.fingerprint === command.token.fingerprint) {
    return [];
  }
  if (state.status === 'CONNECTED') {
    throw new ChannelAlreadyConnected(command.channelId);
  }

  return [reconnected(state.channelId, command.token, context.now.toISOString())];
}

export interface DisconnectChannel {
  channelId: string;
}

/** Disconnects the number so it can be connected again anywhere. Disconnecting twice changes nothing. */
export function disconnectChannel(command: DisconnectChannel, state: ChannelState, context: DecideContext): ChannelDisconnected[] {
  if (state.status === 'NONE') {
    throw new ChannelNotFound(command.channelId);
  }
  if (state.status === 'DISCONNECTED') {
    return [];
  }

  return [
    {
      type: CHANNEL_EVENT_TYPES.disconnected,
      data: {
        channelId: state.channelId,
        phoneNumber: state.phoneNumber,
        wabaId: state.wabaId,
        phoneNumberId: state.phoneNumberId,
        disconnectedAt: context.now.toISOString(),
      },
    },
  ];
}

function reconnected(channelId: string, token: ChannelTokenRef, at: string): ChannelReconnected {
  return {
    type: CHANNEL_EVENT_TYPES.reconnected,
    data: { channelId, tokenReference: token.reference, tokenFingerprint: token.fingerprint, reconnectedAt: at },
  };
}

function assertValid(problems: ChannelFieldProblem[]): void {
  if (problems.length > 0) {
    throw new ChannelInputInvalid(problems);
  }
}

function isBlank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}

function displayNameProblems(displayName: string | undefined, required: boolean): ChannelFieldProblem[] {
  if (isBlank(displayName)) {
    return required ? [{ field: 'displayName', code: 'FIELD_REQUIRED' }] : [];
  }
  const length = Array.from((displayName ?? '').trim()).length;
  if (length > CHANNEL_DISPLAY_NAME_MAX_LENGTH) {
    return [
      { field: 'displayName', code: 'CHANNEL_DISPLAY_NAME_TOO_LONG', params: { length, max: CHANNEL_DISPLAY_NAME_MAX_LENGTH } },
    ];
  }
  return [];
}

function phoneNumberProblems(phoneNumber: string | undefined): ChannelFieldProblem[] {
  if (isBlank(phoneNumber)) {
    return [{ field: 'phoneNumber', code: 'FIELD_REQUIRED' }];
  }
  if (!E164_PATTERN.test(phoneNumber ?? '')) {
    return [{ field: 'phoneNumber', code: 'CHANNEL_PHONE_NUMBER_NOT_E164', params: { phoneNumber: phoneNumber ?? '' } }];
  }
  return [];
}

function metaIdProblems(field: 'wabaId' | 'phoneNumberId', value: string | undefined, code: string): ChannelFieldProblem[] {
  if (isBlank(value)) {
    return [{ field, code: 'FIELD_REQUIRED' }];
  }
  if (!META_ID_PATTERN.test(value ?? '')) {
    return [{ field, code, params: { [field]: value ?? '' } }];
  }
  return [];
}

function tokenProblems(token: ChannelTokenRef | undefined): ChannelFieldProblem[] {
  const problems: ChannelFieldProblem[] = [];
  if (isBlank(token?.reference)) {
    problems.push({ field: 'token.reference', code: 'FIELD_REQUIRED' });
  }
  if (isBlank(token?.fingerprint)) {
    problems.push({ field: 'token.fingerprint', code: 'FIELD_REQUIRED' });
  }
  return problems;
}
