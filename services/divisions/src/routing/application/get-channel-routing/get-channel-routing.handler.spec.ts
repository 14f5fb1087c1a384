import { DEFAULT_ORGANIZATION_SETTINGS } from '@regu/contracts';
import { callerOf } from '../../../common/test-support/in-memory-stream.repository';
import type { DivisionListDocument } from '../../../divisions/infrastructure/division-list.projection';
import { ChannelNotFound, GetChannelRoutingHandler } from './get-channel-routing.handler';

const division = (id: string, agentIds: string[]): DivisionListDocument => ({
  _id: id,
  organizationId: 'org-1',
  streamVersion: 1,
  name: id,
  normalizedName: id,
  supervisorId: 'supervisor-1',
  agentIds,
  servesAllChannels: true,
  channelIds: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});
const user = (id: string, status: 'active' | 'deactivated' = 'active') => [id, { id, firstName: id, lastName: 'X', role: 'agent', status }] as const;

function setUp(channelStatus: 'connected' | 'disconnected' = 'connected') {
  const directory = {
    channel: jest.fn().mockResolvedValue({ id: 'channel-1', displayName: 'Sales WhatsApp', phoneNumber: '+6281100000001', status: channelStatus }),
    usersById: jest.fn().mockResolvedValue(new Map([user('agent-1'), user('agent-2', 'deactivated')])),
  };
  const divisions = {
    servingChannel: jest.fn().mockResolvedValue([division('division-1', ['agent-1', 'agent-2'])]),
    divisionIdsByAgent: jest.fn().mockResolvedValue(new Map([['agent-1', ['division-1', 'division-2']]])),
  };
  const settings = {
    settingsOf: jest.fn().mockResolvedValue({
      settings: {
        ...DEFAULT_ORGANIZATION_SETTINGS,
        workload: { organizationLimit: 3, divisionLimits: { 'division-2': 7 }, agentLimits: {} },
        broadcast: { agentIds: [], divisionIds: ['division-2'] },
      },
      version: 9,
    }),
  };
  return { directory, divisions, handler: new GetChannelRoutingHandler(directory, divisions, settings) };
}

describe('GetChannelRoutingHandler', () => {
  it('lists active agents with limits and broadcast over all their divisions', async () => {
    const s = setUp();

    const routing = await s.handler.execute(callerOf('org-1'), { channelId: 'channel-1' });

    expect(routing.channel).toEqual({ channelId: 'channel-1', name: 'Sales WhatsApp', status: 'connected' });
    expect(routing.divisions).toEqual([
      {
        divisionId: 'division-1',
        name: 'division-1',
        supervisorId: 'supervisor-1',
        agents: [{ agentId: 'agent-1', name: 'agent-1 X', workloadLimit: 7, workloadLimitSource: 'division', mayUseBroadcast: true }],
      },
    ]);
    expect(routing.allocation).toMatchObject({ agentsMayTakeUnassignedChats: true, version: 9 });
  });

  it('answers no divisions for a disconnected channel', async () => {
    const s = setUp('disconnected');

    expect((await s.handler.execute(callerOf('org-1'), { channelId: 'channel-1' })).divisions).toEqual([]);
    expect(s.divisions.servingChannel).not.toHaveBeenCalled();
  });

  it('answers 404 for a channel the organization does not have', async () => {
    const s = setUp();
    s.directory.channel.mockResolvedValue(null);

    await expect(s.handler.execute(callerOf('org-1'), { channelId: 'channel-9' })).rejects.toBeInstanceOf(ChannelNotFound);
    expect(s.directory.channel).toHaveBeenCalledWith('org-1', 'channel-9');
  });
});
