import { callerOf } from '../../../common/test-support/in-memory-stream.repository';
import { decodeCursor, encodeCursor, PageRequestInvalid } from '../../../common/paging';
import type { DivisionListDocument } from '../../infrastructure/division-list.projection';
import { DivisionViewBuilder } from '../division-view';
import { ListDivisionsHandler } from './list-divisions.handler';

const document: DivisionListDocument = {
  _id: 'division-1',
  organizationId: 'org-1',
  streamVersion: 3,
  name: 'Sales',
  normalizedName: 'sales',
  supervisorId: null,
  agentIds: [],
  servesAllChannels: false,
  channelIds: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
};

function setUp() {
  const divisions = { list: jest.fn().mockResolvedValue({ documents: [document], total: 1, nextCursor: null }) };
  const views = new DivisionViewBuilder({ usersById: jest.fn().mockResolvedValue(new Map()), channelsById: jest.fn().mockResolvedValue(new Map()) });
  return { divisions, handler: new ListDivisionsHandler(divisions, views) };
}

describe('ListDivisionsHandler', () => {
  it('passes the caller organization, filters and default paging', async () => {
    const s = setUp();

    const page = await s.handler.execute(callerOf('org-1'), { q: 'sal', agentId: 'agent-a', channelId: 'channel-1' });

    expect(s.divisions.list).toHaveBeenCalledWith('org-1', { q: 'sal', agentId: 'agent-a', channelId: 'channel-1', limit: 20, offset: 0 });
    expect(page).toMatchObject({ limit: 20, offset: 0, total: 1, nextCursor: null });
  });

  it('marks a division that lost its supervisor, agents and channels', async () => {
    const s = setUp();

    const page = await s.handler.execute(callerOf('org-1'), {});

    expect(page.items).toEqual([
      expect.objectContaining({ id: 'division-1', needsSupervisor: true, hasNoAgents: true, hasNoChannels: true, version: 3, channelScope: { kind: 'specific', channels: [] } }),
    ]);
  });

  it('decodes a cursor and leaves out the offset', async () => {
    const s = setUp();
    const cursor = encodeCursor({ sortKey: 'sales', id: 'division-0' });

    const page = await s.handler.execute(callerOf('org-1'), { cursor, limit: 5 });

    expect(s.divisions.list).toHaveBeenCalledWith('org-1', expect.objectContaining({ cursor: decodeCursor(cursor), limit: 5 }));
    expect(page).not.toHaveProperty('offset');
  });

  it('rejects a limit over 100', async () => {
    const s = setUp();

    await expect(s.handler.execute(callerOf('org-1'), { limit: 101 })).rejects.toBeInstanceOf(PageRequestInvalid);
  });
});
