import type { CallerContext } from '@regu/contracts';
import { InMemoryStreamRepository } from '../../../common/test-support/in-memory-stream.repository';
import type { ChannelEvent } from '../../domain/channel.events';
import { evolveChannel, INITIAL_CHANNEL_STATE, type ChannelState } from '../../domain/channel.evolve';
import type { ChannelTokenStore } from '../../infrastructure/channel-token.store';
import type { PhoneNumberClaims } from '../../infrastructure/phone-number-claims';
import { DisconnectChannelHandler } from './disconnect-channel.handler';

const caller: CallerContext = { organizationId: 'org-1', userId: 'admin-1', role: 'admin', correlationId: 'corr-1' };
const connected: ChannelEvent = {
  type: 'ChannelConnected',
  data: { channelId: 'channel-1', displayName: 'Care', phoneNumber: '+6281100000001', wabaId: '100', phoneNumberId: '200', tokenReference: 'r', tokenFingerprint: 'f', connectedAt: '2026-05-01T00:00:00Z' },
};

function setUp() {
  const channels = new InMemoryStreamRepository<ChannelState, ChannelEvent>(() => INITIAL_CHANNEL_STATE, evolveChannel);
  const released: string[] = [];
  const deletedTokensOf: string[] = [];
  const claims = { release: async (phoneNumber: string) => void released.push(phoneNumber) } as unknown as PhoneNumberClaims;
  const tokens = { deleteOthers: async (channelId: string) => void deletedTokensOf.push(channelId) } as unknown as ChannelTokenStore;
  const handler = new DisconnectChannelHandler(channels.asRepository(), tokens, claims, () => new Date('2026-05-02T00:00:00Z'));
  return { handler, channels, released, deletedTokensOf };
}

describe('DisconnectChannelHandler', () => {
  it('disconnects and frees the number', async () => {
    const { handler, channels, released, deletedTokensOf } = setUp();
    await channels.given('channel-1', [connected], 'org-1');

    expect(await handler.handle({ caller, payload: { channelId: 'channel-1' } })).toEqual({ version: 2 });
    expect(channels.appended.map((event) => event.type)).toEqual(['ChannelDisconnected']);
    expect(released).toEqual(['+6281100000001']);
    expect(deletedTokensOf).toEqual(['channel-1']);
  });

  it('changes nothing the second time but still frees the number', async () => {
    const { handler, channels, released } = setUp();
    await channels.given('channel-1', [connected], 'org-1');
    await handler.handle({ caller, payload: { channelId: 'channel-1' } });

    expect(await handler.handle({ caller, payload: { channelId: 'channel-1' }, expectedVersion: 1 })).toEqual({ version: 2 });
    expect(channels.appended).toHaveLength(1);
    expect(released).toHaveLength(2);
  });

  it('answers 404 for another organization', async () => {
    const { handler, channels } = setUp();
    await channels.given('channel-1', [connected], 'org-2');

    await expect(handler.handle({ caller, payload: { channelId: 'channel-1' } })).rejects.toMatchObject({ status: 404, code: 'CHANNEL_NOT_FOUND' });
  });

  it('rejects a stale If-Match', async () => {
    const { handler, channels } = setUp();
    await channels.given('channel-1', [connected], 'org-1');

    await expect(handler.handle({ caller, payload: { channelId: 'channel-1' }, expectedVersion: 7 })).rejects.toMatchObject({ code: 'STREAM_VERSION_CONFLICT' });
  });
});
