import type { SettingsEvent } from '@regu/contracts';
import { callerOf, InMemoryStreamRepository } from '../../../common/test-support/in-memory-stream.repository';
import { AgentsNotActive, DivisionNotFound } from '../../domain/settings.errors';
import { evolveSettings, initialSettingsState, type SettingsState } from '../../domain/settings.evolve';
import { SettingsCommandRunner } from '../settings-command.runner';
import { ChangeBroadcastGrantsHandler } from './change-broadcast-grants.handler';

function setUp(agentActive = true, divisionStatus: 'active' | 'empty' = 'active') {
  const repository = new InMemoryStreamRepository<SettingsState, SettingsEvent>(() => initialSettingsState, evolveSettings);
  const directory = { isActiveAgent: jest.fn().mockResolvedValue(agentActive) };
  const divisions = { load: jest.fn().mockResolvedValue({ state: { status: divisionStatus }, version: 1 }) };
  return { repository, handler: new ChangeBroadcastGrantsHandler(new SettingsCommandRunner(repository), directory, divisions) };
}

describe('ChangeBroadcastGrantsHandler', () => {
  it('grants and revokes per agent, idempotently', async () => {
    const s = setUp();
    const caller = callerOf('org-1');

    expect(await s.handler.grantToAgent(caller, { agentId: 'agent-1' })).toEqual({ agentIds: ['agent-1'], divisionIds: [], version: 1 });
    expect((await s.handler.grantToAgent(caller, { agentId: 'agent-1' })).version).toBe(1);
    expect(await s.handler.revokeFromAgent(caller, { agentId: 'agent-1' })).toEqual({ agentIds: [], divisionIds: [], version: 2 });
    expect((await s.handler.revokeFromAgent(caller, { agentId: 'agent-1' })).version).toBe(2);
  });

  it('grants and revokes per division', async () => {
    const s = setUp();
    const caller = callerOf('org-1');

    expect((await s.handler.grantToDivision(caller, { divisionId: 'division-1' })).divisionIds).toEqual(['division-1']);
    expect((await s.handler.revokeFromDivision(caller, { divisionId: 'division-1' })).divisionIds).toEqual([]);
  });

  it('rejects an inactive agent and an unknown division', async () => {
    const s = setUp(false, 'empty');

    await expect(s.handler.grantToAgent(callerOf('org-1'), { agentId: 'agent-1' })).rejects.toBeInstanceOf(AgentsNotActive);
    await expect(s.handler.grantToDivision(callerOf('org-1'), { divisionId: 'division-1' })).rejects.toBeInstanceOf(DivisionNotFound);
  });
});
