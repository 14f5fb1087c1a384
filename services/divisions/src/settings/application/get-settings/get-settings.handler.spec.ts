import { DEFAULT_ORGANIZATION_SETTINGS, type SettingsEvent } from '@regu/contracts';
import { callerOf, InMemoryStreamRepository } from '../../../common/test-support/in-memory-stream.repository';
import { evolveSettings, initialSettingsState, type SettingsState } from '../../domain/settings.evolve';
import { GetSettingsHandler } from './get-settings.handler';

describe('GetSettingsHandler', () => {
  it('returns the defaults at version 0 for a new organization', async () => {
    const repository = new InMemoryStreamRepository<SettingsState, SettingsEvent>(() => initialSettingsState, evolveSettings);

    const view = await new GetSettingsHandler(repository).execute(callerOf('org-1'));

    expect(view.allocation).toEqual({ ...DEFAULT_ORGANIZATION_SETTINGS, workload: undefined, broadcast: undefined, version: 0 });
  });

  it('never returns another organization settings', async () => {
    const repository = new InMemoryStreamRepository<SettingsState, SettingsEvent>(() => initialSettingsState, evolveSettings).given('org-2', 'org-2', {
      type: 'BroadcastGrantedToAgent',
      schemaVersion: 1,
      data: { agentId: 'agent-9' },
    });

    const view = await new GetSettingsHandler(repository).execute(callerOf('org-1'));

    expect(view.broadcast).toEqual({ agentIds: [], divisionIds: [], version: 0 });
  });
});
