import type { SettingsEvent } from '@regu/contracts';
import { callerOf, InMemoryStreamRepository } from '../../../common/test-support/in-memory-stream.repository';
import { AgentsNotActive } from '../../domain/settings.errors';
import { evolveSettings, initialSettingsState, type SettingsState } from '../../domain/settings.evolve';
import { SettingsCommandRunner } from '../settings-command.runner';
import { SetAgentWorkloadLimitHandler } from './set-agent-workload-limit.handler';

function setUp(agentActive: boolean) {
  const repository = new InMemoryStreamRepository<SettingsState, SettingsEvent>(() => initialSettingsState, evolveSettings);
  const directory = { isActiveAgent: jest.fn().mockResolvedValue(agentActive) };
  return { directory, handler: new SetAgentWorkloadLimitHandler(new SettingsCommandRunner(repository), directory) };
}

describe('SetAgentWorkloadLimitHandler', () => {
  it('sets the limit of an active agent', async () => {
    const s = setUp(true);

    expect((await s.handler.execute(callerOf('org-1'), { agentId: 'agent-1', limit: 3 })).agentLimits).toEqual([{ agentId: 'agent-1', limit: 3 }]);
    expect(s.directory.isActiveAgent).toHaveBeenCalledWith('org-1', 'agent-1');
  });

  it('rejects an agent of another organization', async () => {
    const s = setUp(false);

    await expect(s.handler.execute(callerOf('org-1'), { agentId: 'agent-1', limit: 3 })).rejects.toBeInstanceOf(AgentsNotActive);
  });
});
