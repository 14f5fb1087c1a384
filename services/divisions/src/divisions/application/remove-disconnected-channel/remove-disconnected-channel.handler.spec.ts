import { randomUUID } from 'node:crypto';
import type { DivisionEvent } from '@regu/contracts';
import { envelope } from '../../../common/test-support/envelopes';
import { InMemoryStreamRepository } from '../../../common/test-support/in-memory-stream.repository';
import { evolveDivision, initialDivisionState, type DivisionState } from '../../domain/division.evolve';
import { RemoveDisconnectedChannelHandler } from './remove-disconnected-channel.handler';

function setUp() {
  const organizationId = `org-${randomUUID()}`;
  const channelId = `channel-${randomUUID()}`;
  const divisionId = randomUUID();
  const created: DivisionEvent = {
    type: 'DivisionCreated',
    schemaVersion: 1,
    data: { divisionId, name: 'Sales', supervisorId: 'supervisor-1', agentIds: ['agent-1'], channelScope: { kind: 'specific', channelIds: [channelId] } },
  };
  const repository = new InMemoryStreamRepository<DivisionState, DivisionEvent>(() => initialDivisionState, evolveDivision).given(organizationId, divisionId, created);
  const candidates = { divisionsNamingChannel: jest.fn().mockResolvedValue([divisionId]) };
  const channelEvent = (type: string) =>
    envelope(type, { channelId, phoneNumber: '+6281100000001', wabaId: 'waba-1', phoneNumberId: 'pn-1', disconnectedAt: '2026-01-01T00:00:00.000Z' }, {
      organizationId,
      streamId: channelId,
      streamVersion: 3,
    });
  return { organizationId, channelId, divisionId, repository, candidates, handler: new RemoveDisconnectedChannelHandler(repository, candidates), channelEvent };
}

describe('RemoveDisconnectedChannelHandler', () => {
  it('leaves a division that loses its last channel with none, as the system', async () => {
    const s = setUp();
    const disconnected = s.channelEvent('ChannelDisconnected');

    await s.handler.execute(disconnected);

    expect(s.repository.appends).toEqual([
      expect.objectContaining({
        streamId: s.divisionId,
        causationId: disconnected.eventId,
        actor: expect.objectContaining({ role: 'system' }),
        events: [expect.objectContaining({ type: 'ChannelRemovedFromDivision', data: expect.objectContaining({ newChannelScope: { kind: 'specific', channelIds: [] } }) })],
      }),
    ]);
  });

  it('changes nothing on redelivery', async () => {
    const s = setUp();
    const disconnected = s.channelEvent('ChannelDisconnected');

    await s.handler.execute(disconnected);
    await s.handler.execute(disconnected);

    expect(s.repository.appends).toHaveLength(1);
  });

  it('ignores other channel events', async () => {
    const s = setUp();

    await s.handler.execute(s.channelEvent('ChannelMarkedForReconnection'));

    expect(s.candidates.divisionsNamingChannel).not.toHaveBeenCalled();
  });
});
