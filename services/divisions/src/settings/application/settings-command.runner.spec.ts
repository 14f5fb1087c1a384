import type { SettingsEvent } from '@regu/contracts';
import { StreamVersionConflictError } from '@regu/event-sourcing';
import { callerOf, InMemoryStreamRepository } from '../../common/test-support/in-memory-stream.repository';
import { evolveSettings, initialSettingsState, type SettingsState } from '../domain/settings.evolve';
import { SettingsCommandRunner } from './settings-command.runner';

const limitChanged: SettingsEvent = { type: 'OrganizationWorkloadLimitChanged', schemaVersion: 1, data: { oldLimit: 'unlimited', newLimit: 5 } };

function setUp() {
  const repository = new InMemoryStreamRepository<SettingsState, SettingsEvent>(() => initialSettingsState, evolveSettings);
  return { repository, runner: new SettingsCommandRunner(repository) };
}

describe('SettingsCommandRunner', () => {
  it('appends to the stream named after the organization', async () => {
    const s = setUp();

    const view = await s.runner.run(callerOf('org-1'), 0, () => [limitChanged]);

    expect(view.workload).toMatchObject({ organizationLimit: 5, version: 1 });
    expect(s.repository.appends[0]).toMatchObject({ streamId: 'org-1', expectedVersion: 0 });
  });

  it('returns the defaults at version 0 for a no-op', async () => {
    const s = setUp();

    const view = await s.runner.run(callerOf('org-1'), undefined, () => []);

    expect(view.allocation.version).toBe(0);
    expect(s.repository.appends).toHaveLength(0);
  });

  it('rejects a stale If-Match before deciding', async () => {
    const s = setUp();
    const decide = jest.fn().mockReturnValue([]);

    await expect(s.runner.run(callerOf('org-1'), 3, decide)).rejects.toBeInstanceOf(StreamVersionConflictError);

    expect(decide).not.toHaveBeenCalled();
  });
});
