import type { SettingsEvent } from '@regu/contracts';
import { callerOf, InMemoryStreamRepository } from '../../../common/test-support/in-memory-stream.repository';
import { PageRequestInvalid } from '../../../common/paging';
import { evolveSettings, initialSettingsState, type SettingsState } from '../../domain/settings.evolve';
import { ListEffectiveWorkloadLimitsHandler } from './list-effective-workload-limits.handler';

function setUp() {
  const repository = new InMemoryStreamRepository<SettingsState, SettingsEvent>(() => initialSettingsState, evolveSettings).given(
    'org-1',
    'org-1',
    { type: 'OrganizationWorkloadLimitChanged', schemaVersion: 1, data: { oldLimit: 'unlimited', newLimit: 4 } },
    { type: 'DivisionWorkloadLimitChanged', schemaVersion: 1, data: { divisionId: 'division-1', oldLimit: null, newLimit: 6 } },
    { type: 'AgentWorkloadLimitChanged', schemaVersion: 1, data: { agentId: 'agent-3', oldLimit: null, newLimit: 2 } },
  );
  const agent = (id: string) => ({ id, firstName: id, lastName: 'Agent', role: 'agent' as const, status: 'active' as const });
  const directory = { activeAgents: jest.fn().mockResolvedValue([agent('agent-1'), agent('agent-2'), agent('agent-3')]) };
  const divisions = {
    divisionIdsByAgent: jest.fn().mockImplementation(async (_: string, ids: string[]) => new Map(ids.map((id) => [id, id === 'agent-1' ? ['division-1'] : []]))),
  };
  return { divisions, handler: new ListEffectiveWorkloadLimitsHandler(repository, directory, divisions) };
}

describe('ListEffectiveWorkloadLimitsHandler', () => {
  it('names the level each limit comes from', async () => {
    const s = setUp();

    const page = await s.handler.execute(callerOf('org-1'), {});

    expect(page).toEqual({
      items: [
        { agentId: 'agent-1', name: 'agent-1 Agent', limit: 6, source: 'division', divisionId: 'division-1', divisionIds: ['division-1'] },
        { agentId: 'agent-2', name: 'agent-2 Agent', limit: 4, source: 'organization', divisionIds: [] },
        { agentId: 'agent-3', name: 'agent-3 Agent', limit: 2, source: 'agent', divisionIds: [] },
      ],
      limit: 20,
      offset: 0,
      total: 3,
    });
  });

  it('pages by offset', async () => {
    const s = setUp();

    const page = await s.handler.execute(callerOf('org-1'), { limit: 1, offset: 1 });

    expect(page.items.map((item) => item.agentId)).toEqual(['agent-2']);
    expect(s.divisions.divisionIdsByAgent).toHaveBeenCalledWith('org-1', ['agent-2']);
  });

  it('rejects a limit over 100', async () => {
    const s = setUp();

    await expect(s.handler.execute(callerOf('org-1'), { limit: 500 })).rejects.toBeInstanceOf(PageRequestInvalid);
  });
});
