import type { ChannelReconnectionReason } from '@regu/contracts';
import { ChannelNotFound } from '../domain/channel.errors';
import type { ChannelState } from '../domain/channel.evolve';
import type { ChannelListDocument, ChannelStatus } from '../infrastructure/channel-list.projection';

/** A channel as the API returns it. Never contains the access token, its reference or its fingerprint. */
export interface ChannelView {
  id: string;
  displayName: string;
  phoneNumber: string;
  wabaId: string;
  phoneNumberId: string;
  status: ChannelStatus;
  /** Why the channel needs reconnection; present only with status NEEDS_RECONNECTION. */
  reconnectionReason?: ChannelReconnectionReason;
  /** The stream version: the ETag to send as If-Match with a change. */
  version: number;
}

/** Builds the view from the aggregate's state; throws ChannelNotFound for a channel that was never connected. */
export function channelViewFromState(channelId: string, state: ChannelState, version: number): ChannelView {
  if (state.status === 'NONE') {
    throw new ChannelNotFound(channelId);
  }
  const view: ChannelView = {
    id: state.channelId,
    displayName: state.displayName,
    phoneNumber: state.phoneNumber,
    wabaId: state.wabaId,
    phoneNumberId: state.phoneNumberId,
    status: state.status,
    version,
  };
  if (state.status === 'NEEDS_RECONNECTION') {
    view.reconnectionReason = state.reconnectionReason;
  }
  return view;
}

export function channelViewFromDocument(document: ChannelListDocument): ChannelView {
  const view: ChannelView = {
    id: document.channelId,
    displayName: document.displayName,
    phoneNumber: document.phoneNumber,
    wabaId: document.wabaId,
    phoneNumberId: document.phoneNumberId,
    status: document.status,
    version: document.streamVersion,
  };
  if (document.reconnectionReason !== undefined) {
    view.reconnectionReason = document.reconnectionReason;
  }
  return view;
}
