import type { SettingsEvent } from '@regu/contracts';
import { envelope } from '../../../common/test-support/envelopes';
import { InMemoryStreamRepository } from '../../../common/test-support/in-memory-stream.repository';
import { evolveSettings, initialSettingsState, type SettingsState } from '../../domain/settings.evolve';
import { SettingsCommandRunner } from '../settings-command.runner';
import { ClearAgentSettingsHandler } from './clear-agent-settings.handler';

function setUp() {
  const repository = new InMemoryStreamRepository<SettingsState, SettingsEvent>(() => initialSettingsState, evolveSettings).given(
    'org-1',
    'org-1',
    { type: 'AgentWorkloadLimitChanged', schemaVersion: 1, data: { agentId: 'agent-1', oldLimit: null, newLimit: 3 } },
    { type: 'BroadcastGrantedToAgent', schemaVersion: 1, data: { agentId: 'agent-1' } },
  );
  const userEvent = (type: string, data: object = {}) => envelope(type, { userId: 'agent-1', ...data }, { organizationId: 'org-1', streamId: 'agent-1', streamVersion: 4 });
  return { repository, handler: new ClearAgentSettingsHandler(new SettingsCommandRunner(repository)), userEvent };
}

describe('ClearAgentSettingsHandler', () => {
  it('clears the limit and grant of a deactivated agent, as the system', async () => {
    const s = setUp();
    const deactivated = s.userEvent('UserDeactivated');

    await s.handler.execute(deactivated);

    expect(s.repository.appends).toEqual([
      expect.objectContaining({
        causationId: deactivated.eventId,
        actor: expect.objectContaining({ role: 'system' }),
        events: [expect.objectContaining({ type: 'AgentWorkloadLimitChanged', data: { agentId: 'agent-1', oldLimit: 3, newLimit: null } }), expect.objectContaining({ type: 'BroadcastRevokedFromAgent' })],
      }),
    ]);
  });

  it('changes nothing on redelivery', async () => {
    const s = setUp();
    const deleted = s.userEvent('UserDeleted');

    await s.handler.execute(deleted);
    await s.handler.execute(deleted);

    expect(s.repository.appends).toHaveLength(1);
  });

  it('keeps the settings of a supervisor who becomes an agent', async () => {
    const s = setUp();

    await s.handler.execute(s.userEvent('UserRoleChanged', { oldRole: 'supervisor', newRole: 'agent' }));

    expect(s.repository.appends).toHaveLength(0);
  });
});
