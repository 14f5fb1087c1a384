import { envelope } from '../../common/test-support/envelopes';
import { evolveDirectoryChannel, type DirectoryChannel } from './channel-directory.projection';

const at = (streamVersion: number) => ({ organizationId: 'org-1', streamId: 'channel-1', streamVersion });
const connected: DirectoryChannel = { displayName: 'Sales WhatsApp', phoneNumber: '+6281100000001', status: 'connected' };

describe('evolveDirectoryChannel', () => {
  it('adds a connected channel without its token', () => {
    const event = envelope(
      'ChannelConnected',
      { channelId: 'channel-1', displayName: 'Sales WhatsApp', phoneNumber: '+6281100000001', wabaId: 'w', phoneNumberId: 'p', tokenReference: 'ref', tokenFingerprint: 'fp', connectedAt: '2026-01-01T00:00:00.000Z' },
      at(1),
    );
    expect(evolveDirectoryChannel(null, event)).toEqual(connected);
  });

  it.each([
    ['ChannelSettingsUpdated', { displayName: 'Support WhatsApp' }, { ...connected, displayName: 'Support WhatsApp' }],
    ['ChannelSettingsUpdated', { tokenFingerprint: 'fp2' }, connected],
    ['ChannelMarkedForReconnection', { reason: 'TOKEN_EXPIRED' }, { ...connected, status: 'reconnection_required' }],
    ['ChannelDisconnected', { phoneNumber: '+6281100000001', wabaId: 'w', phoneNumberId: 'p' }, { ...connected, status: 'disconnected' }],
  ])('applies %s', (type, data, expected) => {
    expect(evolveDirectoryChannel(connected, envelope(type, { channelId: 'channel-1', ...data }, at(2)))).toEqual(expected);
  });

  it('applies ChannelReconnected', () => {
    const event = envelope('ChannelReconnected', { channelId: 'channel-1', tokenReference: 'r', tokenFingerprint: 'f' }, at(3));
    expect(evolveDirectoryChannel({ ...connected, status: 'reconnection_required' }, event)).toEqual(connected);
  });

  it('keeps a disconnected channel disconnected', () => {
    const event = envelope('ChannelReconnected', { channelId: 'channel-1', tokenReference: 'r', tokenFingerprint: 'f' }, at(3));
    expect(evolveDirectoryChannel({ ...connected, status: 'disconnected' }, event)).toMatchObject({ status: 'disconnected' });
  });
});
