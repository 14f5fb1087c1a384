import { eventually } from '@regu/testing';
import { newAccount, newCaller, WhatsAppServiceHarness } from '../test-support/whatsapp-service.harness';

interface ChannelView {
  id: string;
  status: string;
  reconnectionReason?: string;
  version: number;
}

interface Page<T> {
  items: T[];
  total: number;
}

describe('WhatsApp channels', () => {
  let harness: WhatsAppServiceHarness;

  beforeAll(async () => {
    harness = await WhatsAppServiceHarness.start();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  async function connect(caller = newCaller(), account?: Awaited<ReturnType<typeof newAccount>>) {
    const used = account ?? (await newAccount(harness));
    const channel = await harness.send<ChannelView>('whatsapp.connect-channel', caller, {
      displayName: 'Customer care',
      phoneNumber: used.phoneNumber,
      wabaId: used.wabaId,
      phoneNumberId: used.phoneNumberId,
      accessToken: used.accessToken,
    });
    return { caller, account: used, channel };
  }

  it('connects a number and lists it', async () => {
    const { caller, account, channel } = await connect();

    expect(channel).toEqual({
      id: expect.any(String),
      displayName: 'Customer care',
      phoneNumber: account.phoneNumber,
      wabaId: account.wabaId,
      phoneNumberId: account.phoneNumberId,
      status: 'CONNECTED',
      version: 1,
    });
    await eventually(async () => {
      const page = await harness.send<Page<ChannelView>>('whatsapp.list-channels', caller, {});
      expect(page.items.map((item) => [item.id, item.status])).toEqual([[channel.id, 'CONNECTED']]);
    }, { timeoutMs: 20_000 });
  });

  it('stores the token only encrypted', async () => {
    const { account, channel } = await connect();

    const stored = await harness.db.collection('channel_tokens').find({ channelId: channel.id }).toArray();
    const commits = await harness.db.collection('commits').find({ streamId: channel.id }).toArray();

    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(account.accessToken);
    expect(JSON.stringify(commits)).not.toContain(account.accessToken);
  });

  it('rejects a token WhatsApp does not accept', async () => {
    const account = await newAccount(harness);

    const error = await harness.sendExpectingError('whatsapp.connect-channel', newCaller(), {
      displayName: 'Customer care',
      phoneNumber: account.phoneNumber,
      wabaId: account.wabaId,
      phoneNumberId: account.phoneNumberId,
      accessToken: 'not-a-token-whatsapp-knows',
    });

    expect(error).toEqual({
      status: 422,
      code: 'CHANNEL_TOKEN_REJECTED',
      detail: 'WhatsApp rejected the access token: the token is not valid. Create a new token in Meta Business Settings and try again.',
      params: { reason: 'the token is not valid' },
      errors: [],
    });
  });

  it('rejects a number connected elsewhere', async () => {
    const { account } = await connect();

    const error = await harness.sendExpectingError('whatsapp.connect-channel', newCaller(), {
      displayName: 'Second try',
      phoneNumber: account.phoneNumber,
      wabaId: account.wabaId,
      phoneNumberId: account.phoneNumberId,
      accessToken: account.accessToken,
    });

    expect(error).toMatchObject({ status: 409, code: 'CHANNEL_PHONE_NUMBER_ALREADY_CONNECTED', params: { phoneNumber: account.phoneNumber } });
  });

  it('connects a disconnected number again in another organization', async () => {
    const { caller, account, channel } = await connect();

    await harness.send('whatsapp.disconnect-channel', caller, { channelId: channel.id });
    await harness.send('whatsapp.disconnect-channel', caller, { channelId: channel.id });
    const again = await connect(newCaller(), account);

    expect(again.channel.status).toBe('CONNECTED');
    expect(again.channel.id).not.toBe(channel.id);
    expect(await harness.send<ChannelView>('whatsapp.get-channel', caller, { channelId: channel.id })).toMatchObject({ status: 'DISCONNECTED' });
  });

  it('connects the same number again in the same organization', async () => {
    const { caller, account, channel } = await connect();

    await harness.send('whatsapp.disconnect-channel', caller, { channelId: channel.id });
    const again = await connect(caller, account);

    expect(again.channel.status).toBe('CONNECTED');
  });

  it('lets exactly one of two concurrent connects win', async () => {
    const account = await newAccount(harness);
    const attempts = await Promise.allSettled([connect(newCaller(), account), connect(newCaller(), account)]);

    expect(attempts.filter((attempt) => attempt.status === 'fulfilled')).toHaveLength(1);
    expect(attempts.filter((attempt) => attempt.status === 'rejected').map((attempt) => (attempt as PromiseRejectedResult).reason.code)).toEqual([
      'CHANNEL_PHONE_NUMBER_ALREADY_CONNECTED',
    ]);
  });

  it('marks the channel for reconnection when its token expired', async () => {
    const { caller, account, channel } = await connect();
    await harness.control('POST', '/tokens/expire', { accessToken: account.accessToken });

    const error = await harness.sendExpectingError('whatsapp.sync-templates', caller, { channelId: channel.id });

    expect(error).toMatchObject({ status: 422, code: 'CHANNEL_TOKEN_REJECTED', params: { reason: 'the token has expired' } });
    expect(await harness.send<ChannelView>('whatsapp.get-channel', caller, { channelId: channel.id })).toMatchObject({
      status: 'NEEDS_RECONNECTION',
      reconnectionReason: 'TOKEN_EXPIRED',
      version: 2,
    });
    await eventually(async () => {
      const page = await harness.send<Page<ChannelView>>('whatsapp.list-channels', caller, {});
      expect(page.items).toEqual([expect.objectContaining({ id: channel.id, status: 'NEEDS_RECONNECTION', reconnectionReason: 'TOKEN_EXPIRED' })]);
    }, { timeoutMs: 20_000 });
  });

  it('reconnects with a new token', async () => {
    const { caller, account, channel } = await connect();
    await harness.control('POST', '/tokens/expire', { accessToken: account.accessToken });
    await harness.sendExpectingError('whatsapp.sync-templates', caller, { channelId: channel.id });
    const newToken = `renewed-${account.accessToken}`;
    await harness.control('POST', '/accounts', { accessToken: newToken, wabaId: account.wabaId, phoneNumberId: account.phoneNumberId });

    const updated = await harness.send<ChannelView>('whatsapp.update-channel', caller, { channelId: channel.id, accessToken: newToken });

    expect(updated).toMatchObject({ status: 'CONNECTED', version: 3 });
    expect(await harness.db.collection('channel_tokens').countDocuments({ channelId: channel.id })).toBe(1);
  });

  it('updates the display name', async () => {
    const { caller, channel } = await connect();

    const updated = await harness.send<ChannelView>('whatsapp.update-channel', caller, { channelId: channel.id, displayName: 'Sales' }, 1);

    expect(updated).toMatchObject({ displayName: 'Sales', version: 2 });
  });

  it('answers 404 for another organization', async () => {
    const { channel } = await connect();

    const error = await harness.sendExpectingError('whatsapp.get-channel', newCaller(), { channelId: channel.id });

    expect(error).toMatchObject({ status: 404, code: 'CHANNEL_NOT_FOUND' });
  });
});
