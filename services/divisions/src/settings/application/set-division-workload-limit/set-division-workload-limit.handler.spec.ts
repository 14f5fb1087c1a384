import type { SettingsEvent } from '@regu/contracts';
import { callerOf, InMemoryStreamRepository } from '../../../common/test-support/in-memory-stream.repository';
import { DivisionNotFound } from '../../domain/settings.errors';
import { evolveSettings, initialSettingsState, type SettingsState } from '../../domain/settings.evolve';
import { SettingsCommandRunner } from '../settings-command.runner';
import { SetDivisionWorkloadLimitHandler } from './set-division-workload-limit.handler';

function setUp(divisionStatus: 'active' | 'empty') {
  const repository = new InMemoryStreamRepository<SettingsState, SettingsEvent>(() => initialSettingsState, evolveSettings);
  const divisions = { load: jest.fn().mockResolvedValue({ state: { status: divisionStatus }, version: 1 }) };
  return { divisions, handler: new SetDivisionWorkloadLimitHandler(new SettingsCommandRunner(repository), divisions) };
}

describe('SetDivisionWorkloadLimitHandler', () => {
  it('sets the limit of a division of the caller organization', async () => {
    const s = setUp('active');

    const view = await s.handler.execute(callerOf('org-1'), { divisionId: 'division-1', limit: 'unlimited' });

    expect(view.divisionLimits).toEqual([{ divisionId: 'division-1', limit: 'unlimited' }]);
    expect(s.divisions.load).toHaveBeenCalledWith('org-1', 'division-1');
  });

  it('rejects a division it cannot find', async () => {
    const s = setUp('empty');

    await expect(s.handler.execute(callerOf('org-1'), { divisionId: 'division-1', limit: 4 })).rejects.toBeInstanceOf(DivisionNotFound);
  });

  it('removes a limit without needing the division', async () => {
    const s = setUp('empty');

    expect((await s.handler.execute(callerOf('org-1'), { divisionId: 'division-1', limit: null })).version).toBe(0);
  });
});
