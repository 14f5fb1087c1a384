import type { SettingsEvent } from '@regu/contracts';
import { envelope } from '../../../common/test-support/envelopes';
import { InMemoryStreamRepository } from '../../../common/test-support/in-memory-stream.repository';
import { evolveSettings, initialSettingsState, type SettingsState } from '../../domain/settings.evolve';
import { SettingsCommandRunner } from '../settings-command.runner';
import { ClearDivisionSettingsHandler } from './clear-division-settings.handler';

function setUp() {
  const repository = new InMemoryStreamRepository<SettingsState, SettingsEvent>(() => initialSettingsState, evolveSettings).given(
    'org-1',
    'org-1',
    { type: 'DivisionWorkloadLimitChanged', schemaVersion: 1, data: { divisionId: 'division-1', oldLimit: null, newLimit: 6 } },
    { type: 'BroadcastGrantedToDivision', schemaVersion: 1, data: { divisionId: 'division-1' } },
  );
  const divisionEvent = (type: string) => envelope(type, { divisionId: 'division-1', name: 'Sales' }, { organizationId: 'org-1', streamId: 'division-1', streamVersion: 5 });
  return { repository, handler: new ClearDivisionSettingsHandler(new SettingsCommandRunner(repository)), divisionEvent };
}

describe('ClearDivisionSettingsHandler', () => {
  it('clears the limit and grant of a deleted division, once', async () => {
    const s = setUp();
    const deleted = s.divisionEvent('DivisionDeleted');

    await s.handler.execute(deleted);
    await s.handler.execute(deleted);

    expect(s.repository.appends).toHaveLength(1);
    expect(s.repository.appends[0].events.map((event) => event.type)).toEqual(['DivisionWorkloadLimitChanged', 'BroadcastRevokedFromDivision']);
  });

  it('ignores other division events', async () => {
    const s = setUp();

    await s.handler.execute(s.divisionEvent('DivisionRenamed'));

    expect(s.repository.appends).toHaveLength(0);
  });
});
