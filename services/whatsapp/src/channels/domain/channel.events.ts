import {
  CHANNEL_EVENT_TYPES,
  type ChannelConnectedData,
  type ChannelDisconnectedData,
  type ChannelMarkedForReconnectionData,
  type ChannelReconnectedData,
  type ChannelSettingsUpdatedData,
  type NewEvent,
} from '@regu/contracts';

export { CHANNEL_EVENT_TYPES };

export type ChannelConnected = NewEvent<typeof CHANNEL_EVENT_TYPES.connected, ChannelConnectedData>;
export type ChannelSettingsUpdated = NewEvent<typeof CHANNEL_EVENT_TYPES.settingsUpdated, ChannelSettingsUpdatedData>;
export type ChannelMarkedForReconnection = NewEvent<
  typeof CHANNEL_EVENT_TYPES.markedForReconnection,
  ChannelMarkedForReconnectionData
>;
export type ChannelReconnected = NewEvent<typeof CHANNEL_EVENT_TYPES.reconnected, ChannelReconnectedData>;
export type ChannelDisconnected = NewEvent<typeof CHANNEL_EVENT_TYPES.disconnected, ChannelDisconnectedData>;

/** Every event of the channel aggregate, as `decide` returns it and `evolve` applies it. */
export type ChannelEvent =
  | ChannelConnected
  | ChannelSettingsUpdated
  | ChannelMarkedForReconnection
  | ChannelReconnected
  | ChannelDisconnected;
