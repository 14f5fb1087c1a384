import type { CallerContext } from '@regu/contracts';
import { InMemoryStreamRepository } from '../../../common/test-support/in-memory-stream.repository';
import type { WhatsAppCloudClient } from '../../../provider/whatsapp-cloud.client';
import { WhatsAppAccessTokenError } from '../../../provider/whatsapp-cloud.errors';
import type { ChannelEvent } from '../../domain/channel.events';
import { evolveChannel, INITIAL_CHANNEL_STATE, type ChannelState } from '../../domain/channel.evolve';
import type { ChannelTokenStore } from '../../infrastructure/channel-token.store';
import type { PhoneNumberClaim, PhoneNumberClaims } from '../../infrastructure/phone-number-claims';
import { ConnectChannelHandler, UNCONFIRMED_CLAIM_GRACE_MS } from './connect-channel.handler';

const caller: CallerContext = { organizationId: 'org-1', userId: 'admin-1', role: 'admin', correlationId: 'corr-1' };
const payload = { displayName: 'Care', phoneNumber: '+6281100000001', wabaId: '100', phoneNumberId: '200', accessToken: 'secret-token' };
const now = new Date('2026-05-01T10:00:00Z');

function setUp(options: { getPhoneNumber?: () => Promise<unknown>; holder?: PhoneNumberClaim } = {}) {
  const channels = new InMemoryStreamRepository<ChannelState, ChannelEvent>(() => INITIAL_CHANNEL_STATE, evolveChannel);
  const saved: string[] = [];
  const claims = new Map<string, PhoneNumberClaim>(options.holder ? [[options.holder._id, options.holder]] : []);
  const tokens = {
    prepare: () => ({ reference: 'ref-1', fingerprint: 'fp-1' }),
    save: async (_ref: unknown, _channelId: string, token: string) => void saved.push(token),
    delete: async () => undefined,
  } as unknown as ChannelTokenStore;
  const claimStore = {
    claim: async (claim: PhoneNumberClaim) => {
      const holder = claims.get(claim._id);
      if (holder === undefined) {
        claims.set(claim._id, claim);
        return { claimed: true };
      }
      return { claimed: false, holder };
    },
    takeOver: async (_stale: PhoneNumberClaim, claim: PhoneNumberClaim) => void claims.set(claim._id, claim) ?? true,
    release: async (phoneNumber: string) => void claims.delete(phoneNumber),
  } as unknown as PhoneNumberClaims;
  const client = { getPhoneNumber: options.getPhoneNumber ?? (async () => ({ id: '200' })) } as unknown as WhatsAppCloudClient;
  const handler = new ConnectChannelHandler(channels.asRepository(), tokens, claimStore, client, () => now, () => 'channel-1');
  return { handler, channels, saved, claims };
}

describe('ConnectChannelHandler', () => {
  it('connects a number whose token WhatsApp accepts', async () => {
    const { handler, channels, saved, claims } = setUp();

    const view = await handler.handle({ caller, payload });

    expect(view).toEqual({ id: 'channel-1', displayName: 'Care', phoneNumber: '+6281100000001', wabaId: '100', phoneNumberId: '200', status: 'CONNECTED', version: 1 });
    expect(channels.appended.map((event) => event.type)).toEqual(['ChannelConnected']);
    expect(JSON.stringify(channels.appended)).not.toContain('secret-token');
    expect(saved).toEqual(['secret-token']);
    expect(claims.get('+6281100000001')?.channelId).toBe('channel-1');
  });

  it('rejects a token WhatsApp calls expired', async () => {
    const expired = new WhatsAppAccessTokenError(401, 'GET', '/200', { message: 'Session has expired', code: 190, error_subcode: 463 });
    const { handler, channels, claims } = setUp({ getPhoneNumber: async () => Promise.reject(expired) });

    await expect(handler.handle({ caller, payload })).rejects.toMatchObject({ status: 422, code: 'CHANNEL_TOKEN_REJECTED', params: { reason: 'the token has expired' } });
    expect(channels.appended).toEqual([]);
    expect(claims.size).toBe(0);
  });

  it('rejects a number another channel holds', async () => {
    const { handler, channels } = setUp({ holder: claimOf('other', new Date(now.getTime() - UNCONFIRMED_CLAIM_GRACE_MS - 1)) });
    await channels.given('other', [connected('other')], 'org-2');

    await expect(handler.handle({ caller, payload })).rejects.toMatchObject({ status: 409, code: 'CHANNEL_PHONE_NUMBER_ALREADY_CONNECTED' });
    expect(channels.appended).toEqual([]);
  });

  it('takes over the claim of a disconnected channel', async () => {
    const { handler, channels, claims } = setUp({ holder: claimOf('other', now) });
    await channels.given('other', [connected('other'), disconnected('other')], 'org-2');

    await handler.handle({ caller, payload });

    expect(claims.get('+6281100000001')?.channelId).toBe('channel-1');
  });

  it('takes over a claim whose connect never finished', async () => {
    const { handler, claims } = setUp({ holder: claimOf('abandoned', new Date(now.getTime() - UNCONFIRMED_CLAIM_GRACE_MS - 1)) });

    await handler.handle({ caller, payload });

    expect(claims.get('+6281100000001')?.channelId).toBe('channel-1');
  });

  it('reports a missing token as required', async () => {
    const { handler } = setUp();

    await expect(handler.handle({ caller, payload: { ...payload, accessToken: ' ' } })).rejects.toMatchObject({
      status: 400,
      errors: [{ field: 'accessToken', code: 'FIELD_REQUIRED', message: 'field is required', params: {} }],
    });
  });
});

function connected(channelId: string): ChannelEvent {
  return {
    type: 'ChannelConnected',
    data: { channelId, displayName: 'Other', phoneNumber: '+6281100000001', wabaId: '100', phoneNumberId: '200', tokenReference: 'r', tokenFingerprint: 'f', connectedAt: now.toISOString() },
  };
}

function disconnected(channelId: string): ChannelEvent {
  return { type: 'ChannelDisconnected', data: { channelId, phoneNumber: '+6281100000001', wabaId: '100', phoneNumberId: '200', disconnectedAt: now.toISOString() } };
}

function claimOf(channelId: string, claimedAt: Date): PhoneNumberClaim {
  return { _id: '+6281100000001', channelId, organizationId: 'org-2', wabaId: '100', phoneNumberId: '200', claimedAt };
}
