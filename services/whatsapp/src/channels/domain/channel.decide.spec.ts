import {
  connectChannel,
  disconnectChannel,
  markChannelForReconnection,
  reconnectChannel,
  updateChannelSettings,
  type ConnectChannel,
} from './channel.decide';
import { ChannelAlreadyConnected, ChannelInputInvalid, ChannelIsDisconnected, ChannelNotFound } from './channel.errors';
import type { ChannelEvent } from './channel.events';
import { INITIAL_CHANNEL_STATE, evolveChannel, type ChannelState } from './channel.evolve';

const context = { now: new Date('2026-03-01T10:00:00.000Z') };
const at = '2026-03-01T10:00:00.000Z';

let sequence = 0;
function connectCommand(overrides: Partial<ConnectChannel> = {}): ConnectChannel {
  sequence += 1;
  return {
    channelId: `channel-${sequence}`,
    displayName: 'Support Jakarta',
    phoneNumber: '+6281100000001',
    wabaId: '1000000000000001',
    phoneNumberId: '2000000000000001',
    token: { reference: `secret-${sequence}`, fingerprint: `fp-${sequence}` },
    ...overrides,
  };
}

function given(...events: ChannelEvent[]): ChannelState {
  return events.reduce(evolveChannel, INITIAL_CHANNEL_STATE);
}

function connected(command = connectCommand()): ChannelEvent {
  return connectChannel(command, INITIAL_CHANNEL_STATE, context)[0];
}

function expectInvalid(run: () => unknown, errors: Array<{ field: string; code: string }>): void {
  expect(run).toThrow(ChannelInputInvalid);
  try {
    run();
  } catch (error) {
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    expect((error as ChannelInputInvalid).errors.map(({ field, code }) => ({ field, code }))).toEqual(errors);
  }
}

describe('connectChannel', () => {
  it('connects a number with a token reference', () => {
    const command = connectCommand();

    expect(connectChannel(command, INITIAL_CHANNEL_STATE, context)).toEqual([
      {
        type: 'ChannelConnected',
        data: {
          channelId: command.channelId,
          displayName: 'Support Jakarta',
          phoneNumber: '+6281100000001',
          wabaId: '1000000000000001',
          phoneNumberId: '2000000000000001',
          tokenReference: command.token.reference,
          tokenFingerprint: command.token.fingerprint,
          connectedAt: at,
        },
      },
    ]);
  });

  it('reports every missing field', () => {
    const command = { channelId: 'c', displayName: ' ', phoneNumber: '', wabaId: '', phoneNumberId: '', token: { reference: '', fingerprint: '' } };

    expectInvalid(() => connectChannel(command, INITIAL_CHANNEL_STATE, context), [
      { field: 'displayName', code: 'FIELD_REQUIRED' },
      { field: 'phoneNumber', code: 'FIELD_REQUIRED' },
      { field: 'wabaId', code: 'FIELD_REQUIRED' },
      { field: 'phoneNumberId', code: 'FIELD_REQUIRED' },
      { field: 'token.reference', code: 'FIELD_REQUIRED' },
      { field: 'token.fingerprint', code: 'FIELD_REQUIRED' },
    ]);
  });

  it.each(['081100000001', '+0811000', '+62 811 0000 0001', '+1234567890123456'])('rejects phone number %s', (phoneNumber) => {
    expectInvalid(() => connectChannel(connectCommand({ phoneNumber }), INITIAL_CHANNEL_STATE, context), [
      { field: 'phoneNumber', code: 'CHANNEL_PHONE_NUMBER_NOT_E164' },
    ]);
  });

  it('accepts a 15-digit E.164 number', () => {
    expect(connectChannel(connectCommand({ phoneNumber: '+123456789012345' }), INITIAL_CHANNEL_STATE, context)).toHaveLength(1);
  });

  it('rejects non-numeric Meta ids', () => {
    expectInvalid(() => connectChannel(connectCommand({ wabaId: 'waba-1', phoneNumberId: '12ab' }), INITIAL_CHANNEL_STATE, context), [
      { field: 'wabaId', code: 'CHANNEL_WABA_ID_INVALID' },
      { field: 'phoneNumberId', code: 'CHANNEL_PHONE_NUMBER_ID_INVALID' },
    ]);
  });

  it('rejects a display name over 100 characters', () => {
    expectInvalid(() => connectChannel(connectCommand({ displayName: 'n'.repeat(101) }), INITIAL_CHANNEL_STATE, context), [
      { field: 'displayName', code: 'CHANNEL_DISPLAY_NAME_TOO_LONG' },
    ]);
  });

  it('ignores a repeated identical connect', () => {
    const command = connectCommand();

    expect(connectChannel(command, given(connected(command)), context)).toEqual([]);
  });

  it('rejects a different connect on a connected channel', () => {
    const command = connectCommand();
    const state = given(connected(command));

    expect(() => connectChannel({ ...command, displayName: 'Other' }, state, context)).toThrow(ChannelAlreadyConnected);
  });

  it('connects a disconnected channel again', () => {
    const command = connectCommand();
    const first = connected(command);
    const state = given(first, ...disconnectChannel({ channelId: command.channelId }, given(first), context));

    expect(connectChannel(command, state, context)).toHaveLength(1);
  });
});

describe('updateChannelSettings', () => {
  it('updates only the changed display name', () => {
    const first = connected();

    expect(updateChannelSettings({ channelId: first.data.channelId, displayName: 'Support Bandung' }, given(first), context)).toEqual([
      { type: 'ChannelSettingsUpdated', data: { channelId: first.data.channelId, displayName: 'Support Bandung', updatedAt: at } },
    ]);
  });

  it('updates a new token by reference', () => {
    const first = connected();
    const token = { reference: 'secret-new', fingerprint: 'fp-new' };

    expect(updateChannelSettings({ channelId: first.data.channelId, token }, given(first), context)).toEqual([
      {
        type: 'ChannelSettingsUpdated',
        data: { channelId: first.data.channelId, tokenReference: 'secret-new', tokenFingerprint: 'fp-new', updatedAt: at },
      },
    ]);
  });

  it('ignores settings that did not change', () => {
    const command = connectCommand();
    const state = given(connected(command));

    expect(updateChannelSettings({ channelId: command.channelId, displayName: 'Support Jakarta', token: command.token }, state, context)).toEqual([]);
  });

  it('reconnects a channel that needs reconnection when given a new token', () => {
    const first = connected();
    const marked = markChannelForReconnection({ channelId: first.data.channelId, reason: 'TOKEN_EXPIRED' }, given(first), context);
    const token = { reference: 'secret-new', fingerprint: 'fp-new' };
    const events = updateChannelSettings({ channelId: first.data.channelId, displayName: 'Renamed', token }, given(first, ...marked), context);

    expect(events.map((event) => event.type)).toEqual(['ChannelSettingsUpdated', 'ChannelReconnected']);
    expect(given(first, ...marked, ...events)).toMatchObject({ status: 'CONNECTED', displayName: 'Renamed', token });
  });

  it('rejects settings of a disconnected channel', () => {
    const first = connected();
    const state = given(first, ...disconnectChannel({ channelId: first.data.channelId }, given(first), context));

    expect(() => updateChannelSettings({ channelId: first.data.channelId, displayName: 'X' }, state, context)).toThrow(ChannelIsDisconnected);
  });

  it('rejects settings of an unknown channel', () => {
    expect(() => updateChannelSettings({ channelId: 'missing', displayName: 'X' }, INITIAL_CHANNEL_STATE, context)).toThrow(ChannelNotFound);
  });

  it('rejects an empty display name', () => {
    const first = connected();

    expectInvalid(() => updateChannelSettings({ channelId: first.data.channelId, displayName: '' }, given(first), context), [
      { field: 'displayName', code: 'FIELD_REQUIRED' },
    ]);
  });
});

describe('markChannelForReconnection', () => {
  it('marks a connected channel', () => {
    const first = connected();
    const command = { channelId: first.data.channelId, reason: 'TOKEN_EXPIRED' as const, providerErrorCode: 190, providerErrorSubcode: 463 };

    expect(markChannelForReconnection(command, given(first), context)).toEqual([
      {
        type: 'ChannelMarkedForReconnection',
        data: { channelId: first.data.channelId, reason: 'TOKEN_EXPIRED', providerErrorCode: 190, providerErrorSubcode: 463, markedAt: at },
      },
    ]);
  });

  it('ignores a second mark', () => {
    const first = connected();
    const command = { channelId: first.data.channelId, reason: 'TOKEN_REVOKED' as const };
    const state = given(first, ...markChannelForReconnection(command, given(first), context));

    expect(markChannelForReconnection(command, state, context)).toEqual([]);
  });

  it('ignores a mark for a token already replaced', () => {
    const first = connected();
    const command = { channelId: first.data.channelId, reason: 'TOKEN_EXPIRED' as const, tokenFingerprint: 'fp-old' };

    expect(markChannelForReconnection(command, given(first), context)).toEqual([]);
  });

  it('ignores a mark for a disconnected channel', () => {
    const first = connected();
    const state = given(first, ...disconnectChannel({ channelId: first.data.channelId }, given(first), context));

    expect(markChannelForReconnection({ channelId: first.data.channelId, reason: 'TOKEN_EXPIRED' }, state, context)).toEqual([]);
  });

  it('rejects a mark for an unknown channel', () => {
    expect(() => markChannelForReconnection({ channelId: 'missing', reason: 'TOKEN_EXPIRED' }, INITIAL_CHANNEL_STATE, context)).toThrow(
      ChannelNotFound,
    );
  });
});

describe('reconnectChannel', () => {
  const token = { reference: 'secret-new', fingerprint: 'fp-new' };

  it('reconnects a channel that needs reconnection', () => {
    const first = connected();
    const state = given(first, ...markChannelForReconnection({ channelId: first.data.channelId, reason: 'TOKEN_EXPIRED' }, given(first), context));

    expect(reconnectChannel({ channelId: first.data.channelId, token }, state, context)).toEqual([
      { type: 'ChannelReconnected', data: { channelId: first.data.channelId, tokenReference: 'secret-new', tokenFingerprint: 'fp-new', reconnectedAt: at } },
    ]);
  });

  it('reconnects a disconnected channel', () => {
    const first = connected();
    const state = given(first, ...disconnectChannel({ channelId: first.data.channelId }, given(first), context));
    const events = reconnectChannel({ channelId: first.data.channelId, token }, state, context);

    expect(given(first, ...disconnectChannel({ channelId: first.data.channelId }, given(first), context), ...events)).toMatchObject({
      status: 'CONNECTED',
      token,
    });
  });

  it('ignores a reconnect with the current token', () => {
    const command = connectCommand();

    expect(reconnectChannel({ channelId: command.channelId, token: command.token }, given(connected(command)), context)).toEqual([]);
  });

  it('rejects a reconnect of a connected channel with another token', () => {
    const first = connected();

    expect(() => reconnectChannel({ channelId: first.data.channelId, token }, given(first), context)).toThrow(ChannelAlreadyConnected);
  });

  it('rejects a reconnect of an unknown channel', () => {
    expect(() => reconnectChannel({ channelId: 'missing', token }, INITIAL_CHANNEL_STATE, context)).toThrow(ChannelNotFound);
  });
});

describe('disconnectChannel', () => {
  it('disconnects with the number identifiers', () => {
    const first = connected();

    expect(disconnectChannel({ channelId: first.data.channelId }, given(first), context)).toEqual([
      {
        type: 'ChannelDisconnected',
        data: {
          channelId: first.data.channelId,
          phoneNumber: '+6281100000001',
          wabaId: '1000000000000001',
          phoneNumberId: '2000000000000001',
          disconnectedAt: at,
        },
      },
    ]);
  });

  it('disconnects a channel that needs reconnection', () => {
    const first = connected();
    const state = given(first, ...markChannelForReconnection({ channelId: first.data.channelId, reason: 'TOKEN_REVOKED' }, given(first), context));

    expect(disconnectChannel({ channelId: first.data.channelId }, state, context)).toHaveLength(1);
  });

  it('ignores a second disconnect', () => {
    const first = connected();
    const state = given(first, ...disconnectChannel({ channelId: first.data.channelId }, given(first), context));

    expect(disconnectChannel({ channelId: first.data.channelId }, state, context)).toEqual([]);
  });

  it('rejects a disconnect of an unknown channel', () => {
    expect(() => disconnectChannel({ channelId: 'missing' }, INITIAL_CHANNEL_STATE, context)).toThrow(ChannelNotFound);
  });
});
