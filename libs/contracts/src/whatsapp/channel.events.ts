/**
 * Event types of the WhatsApp channel aggregate, published on `whatsapp.channel.events`.
 * No event carries the access token: only `tokenReference` (where the encrypted token
 * is stored) and `tokenFingerprint` (a hash prefix that tells two tokens apart).
 */
export const CHANNEL_EVENT_TYPES = {
  connected: 'ChannelConnected',
  settingsUpdated: 'ChannelSettingsUpdated',
  markedForReconnection: 'ChannelMarkedForReconnection',
  reconnected: 'ChannelReconnected',
  disconnected: 'ChannelDisconnected',
} as const;

export type ChannelEventType = (typeof CHANNEL_EVENT_TYPES)[keyof typeof CHANNEL_EVENT_TYPES];

/** Why the provider stopped accepting a channel's access token. */
export type ChannelReconnectionReason = 'TOKEN_EXPIRED' | 'TOKEN_REVOKED' | 'TOKEN_INVALID';

export interface ChannelConnectedData {
  channelId: string;
  displayName: string;
  /** E.164, for example `+6281100000001`. */
  phoneNumber: string;
  wabaId: string;
  phoneNumberId: string;
  tokenReference: string;
  tokenFingerprint: string;
  connectedAt: string;
}

/** Carries only the settings that changed. */
export interface ChannelSettingsUpdatedData {
  channelId: string;
  displayName?: string;
  tokenReference?: string;
  tokenFingerprint?: string;
  updatedAt: string;
}

export interface ChannelMarkedForReconnectionData {
  channelId: string;
  reason: ChannelReconnectionReason;
  /** Meta's error code and subcode, for example 190 and 463 for an expired token. */
  providerErrorCode?: number;
  providerErrorSubcode?: number;
  markedAt: string;
}

export interface ChannelReconnectedData {
  channelId: string;
  tokenReference: string;
  tokenFingerprint: string;
  reconnectedAt: string;
}

/** Repeats the number's identifiers so consumers can release it without a lookup. */
export interface ChannelDisconnectedData {
  channelId: string;
  phoneNumber: string;
  wabaId: string;
  phoneNumberId: string;
  disconnectedAt: string;
}

export type ChannelEventData =
  | { type: typeof CHANNEL_EVENT_TYPES.connected; data: ChannelConnectedData }
  | { type: typeof CHANNEL_EVENT_TYPES.settingsUpdated; data: ChannelSettingsUpdatedData }
  | { type: typeof CHANNEL_EVENT_TYPES.markedForReconnection; data: ChannelMarkedForReconnectionData }
  | { type: typeof CHANNEL_EVENT_TYPES.reconnected; data: ChannelReconnectedData }
  | { type: typeof CHANNEL_EVENT_TYPES.disconnected; data: ChannelDisconnectedData };
