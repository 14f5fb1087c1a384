import type { ChannelReconnectionReason } from '@regu/contracts';
import { CHANNEL_EVENT_TYPES, type ChannelEvent } from './channel.events';

/** Where the encrypted access token is stored, and the fingerprint that tells tokens apart. */
export interface ChannelTokenRef {
  reference: string;
  fingerprint: string;
}

export interface ChannelDetails {
  channelId: string;
  displayName: string;
  phoneNumber: string;
  wabaId: string;
  phoneNumberId: string;
  token: ChannelTokenRef;
}

export type ChannelState =
  | { status: 'NONE' }
  | ({ status: 'CONNECTED' } & ChannelDetails)
  | ({ status: 'NEEDS_RECONNECTION'; reconnectionReason: ChannelReconnectionReason } & ChannelDetails)
  | ({ status: 'DISCONNECTED' } & ChannelDetails);

export const INITIAL_CHANNEL_STATE: ChannelState = { status: 'NONE' };

/** Applies one event to the state. Pure: the same events always give the same state. */
export function evolveChannel(state: ChannelState, event: ChannelEvent): ChannelState {
  switch (event.type) {
    case CHANNEL_EVENT_TYPES.connected: {
      const { data } = event;
      return {
        status: 'CONNECTED',
        channelId: data.channelId,
        displayName: data.displayName,
        phoneNumber: data.phoneNumber,
        wabaId: data.wabaId,
        phoneNumberId: data.phoneNumberId,
        token: { reference: data.tokenReference, fingerprint: data.tokenFingerprint },
      };
    }

    case CHANNEL_EVENT_TYPES.settingsUpdated: {
      if (state.status === 'NONE') {
        return state;
      }
      const { data } = event;
      const token =
        data.tokenReference !== undefined && data.tokenFingerprint !== undefined
          ? { reference: data.tokenReference, fingerprint: data.tokenFingerprint }
          : state.token;
      return { ...state, displayName: data.displayName ?? state.displayName, token };
    }

    case CHANNEL_EVENT_TYPES.markedForReconnection:
      return state.status === 'CONNECTED'
        ? { ...state, status: 'NEEDS_RECONNECTION', reconnectionReason: event.data.reason }
        : state;

    case CHANNEL_EVENT_TYPES.reconnected: {
      if (state.status === 'NONE') {
        return state;
      }
      const details = withoutStatus(state);
      return {
        ...details,
        status: 'CONNECTED',
        token: { reference: event.data.tokenReference, fingerprint: event.data.tokenFingerprint },
      };
    }

    case CHANNEL_EVENT_TYPES.disconnected:
      return state.status === 'NONE' ? state : { ...withoutStatus(state), status: 'DISCONNECTED' };

    default:
      return assertNever(event);
  }
}

function withoutStatus(state: Exclude<ChannelState, { status: 'NONE' }>): ChannelDetails {
  return {
    channelId: state.channelId,
    displayName: state.displayName,
    phoneNumber: state.phoneNumber,
    wabaId: state.wabaId,
    phoneNumberId: state.phoneNumberId,
    token: state.token,
  };
}

function assertNever(value: never): never {
  throw new Error(`Unexpected channel event: ${JSON.stringify(value)}`);
}
