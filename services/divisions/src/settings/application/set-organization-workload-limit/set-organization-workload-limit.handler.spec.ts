import type { SettingsEvent } from '@regu/contracts';
import { callerOf, InMemoryStreamRepository } from '../../../common/test-support/in-memory-stream.repository';
import { SettingsInputInvalid } from '../../domain/settings.errors';
import { evolveSettings, initialSettingsState, type SettingsState } from '../../domain/settings.evolve';
import { SettingsCommandRunner } from '../settings-command.runner';
import { SetOrganizationWorkloadLimitHandler } from './set-organization-workload-limit.handler';

function setUp() {
  const repository = new InMemoryStreamRepository<SettingsState, SettingsEvent>(() => initialSettingsState, evolveSettings);
  return { repository, handler: new SetOrganizationWorkloadLimitHandler(new SettingsCommandRunner(repository)) };
}

describe('SetOrganizationWorkloadLimitHandler', () => {
  it('sets the default limit', async () => {
    const s = setUp();

    expect(await s.handler.execute(callerOf('org-1'), { limit: 5 })).toEqual({ organizationLimit: 5, divisionLimits: [], agentLimits: [], version: 1 });
  });

  it('rejects a limit out of range', async () => {
    const s = setUp();

    await expect(s.handler.execute(callerOf('org-1'), { limit: 0 })).rejects.toBeInstanceOf(SettingsInputInvalid);
  });
});
