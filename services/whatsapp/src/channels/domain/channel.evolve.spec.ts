import type { ChannelEvent } from './channel.events';
import { INITIAL_CHANNEL_STATE, evolveChannel } from './channel.evolve';

const connected: ChannelEvent = {
  type: 'ChannelConnected',
  data: {
    channelId: 'channel-1',
    displayName: 'Support',
    phoneNumber: '+6281100000001',
    wabaId: '1',
    phoneNumberId: '2',
    tokenReference: 'secret-1',
    tokenFingerprint: 'fp-1',
    connectedAt: '2026-03-01T10:00:00.000Z',
  },
};
const details = {
  channelId: 'channel-1',
  displayName: 'Support',
  phoneNumber: '+6281100000001',
  wabaId: '1',
  phoneNumberId: '2',
  token: { reference: 'secret-1', fingerprint: 'fp-1' },
};

describe('evolveChannel', () => {
  it('connects on ChannelConnected', () => {
    expect(evolveChannel(INITIAL_CHANNEL_STATE, connected)).toEqual({ status: 'CONNECTED', ...details });
  });

  it('keeps unchanged settings on ChannelSettingsUpdated', () => {
    const updated: ChannelEvent = { type: 'ChannelSettingsUpdated', data: { channelId: 'channel-1', displayName: 'Sales', updatedAt: 'x' } };

    expect([connected, updated].reduce(evolveChannel, INITIAL_CHANNEL_STATE)).toEqual({ status: 'CONNECTED', ...details, displayName: 'Sales' });
  });

  it('needs reconnection on ChannelMarkedForReconnection', () => {
    const marked: ChannelEvent = { type: 'ChannelMarkedForReconnection', data: { channelId: 'channel-1', reason: 'TOKEN_EXPIRED', markedAt: 'x' } };

    expect([connected, marked].reduce(evolveChannel, INITIAL_CHANNEL_STATE)).toEqual({
      status: 'NEEDS_RECONNECTION',
      reconnectionReason: 'TOKEN_EXPIRED',
      ...details,
    });
  });

  it('drops the reconnection reason on ChannelReconnected', () => {
    const marked: ChannelEvent = { type: 'ChannelMarkedForReconnection', data: { channelId: 'channel-1', reason: 'TOKEN_EXPIRED', markedAt: 'x' } };
    const reconnected: ChannelEvent = {
      type: 'ChannelReconnected',
      data: { channelId: 'channel-1', tokenReference: 'secret-2', tokenFingerprint: 'fp-2', reconnectedAt: 'y' },
    };

    expect([connected, marked, reconnected].reduce(evolveChannel, INITIAL_CHANNEL_STATE)).toEqual({
      status: 'CONNECTED',
      ...details,
      token: { reference: 'secret-2', fingerprint: 'fp-2' },
    });
  });

  it('disconnects on ChannelDisconnected', () => {
    const disconnected: ChannelEvent = {
      type: 'ChannelDisconnected',
      data: { channelId: 'channel-1', phoneNumber: '+6281100000001', wabaId: '1', phoneNumberId: '2', disconnectedAt: 'x' },
    };

    expect([connected, disconnected].reduce(evolveChannel, INITIAL_CHANNEL_STATE)).toEqual({ status: 'DISCONNECTED', ...details });
  });

  it('ignores events before ChannelConnected', () => {
    const disconnected: ChannelEvent = {
      type: 'ChannelDisconnected',
      data: { channelId: 'channel-1', phoneNumber: '+6281100000001', wabaId: '1', phoneNumberId: '2', disconnectedAt: 'x' },
    };

    expect(evolveChannel(INITIAL_CHANNEL_STATE, disconnected)).toEqual(INITIAL_CHANNEL_STATE);
  });
});
