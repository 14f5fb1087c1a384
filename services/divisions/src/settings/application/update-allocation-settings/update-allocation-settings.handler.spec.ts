import type { SettingsEvent } from '@regu/contracts';
import { callerOf, InMemoryStreamRepository } from '../../../common/test-support/in-memory-stream.repository';
import { AllocationModeConflict } from '../../domain/settings.errors';
import { evolveSettings, initialSettingsState, type SettingsState } from '../../domain/settings.evolve';
import { SettingsCommandRunner } from '../settings-command.runner';
import { UpdateAllocationSettingsHandler } from './update-allocation-settings.handler';

const automaticOn = { enabled: true, strategy: 'round_robin' as const, onlineAgentsOnly: true };
const customOn = { enabled: true, webhookUrl: 'https://routing.example.com/allocate' };

function setUp(...history: SettingsEvent[]) {
  const repository = new InMemoryStreamRepository<SettingsState, SettingsEvent>(() => initialSettingsState, evolveSettings).given('org-1', 'org-1', ...history);
  return { repository, handler: new UpdateAllocationSettingsHandler(new SettingsCommandRunner(repository)) };
}

describe('UpdateAllocationSettingsHandler', () => {
  it('changes several settings in one commit', async () => {
    const s = setUp();

    const view = await s.handler.execute(callerOf('org-1'), { agentsMayTransferChats: false, idleRule: { enabled: true, idleMinutes: 15, reassignAttempts: 2 } }, 0);

    expect(view).toMatchObject({ agentsMayTransferChats: false, idleRule: { enabled: true, idleMinutes: 15, reassignAttempts: 2 }, version: 2 });
    expect(s.repository.appends).toHaveLength(1);
  });

  it('switches from automatic to custom allocation in one request', async () => {
    const s = setUp({ type: 'AutomaticAllocationChanged', schemaVersion: 1, data: { oldValue: { ...automaticOn, enabled: false }, newValue: automaticOn } });

    const view = await s.handler.execute(callerOf('org-1'), { automaticAllocation: { ...automaticOn, enabled: false }, customAllocation: customOn });

    expect(view).toMatchObject({ automaticAllocation: { enabled: false }, customAllocation: customOn });
  });

  it('switches from custom to automatic allocation in one request', async () => {
    const s = setUp({ type: 'CustomAllocationChanged', schemaVersion: 1, data: { oldValue: { enabled: false, webhookUrl: null }, newValue: customOn } });

    const view = await s.handler.execute(callerOf('org-1'), { automaticAllocation: automaticOn, customAllocation: { ...customOn, enabled: false } });

    expect(view).toMatchObject({ automaticAllocation: automaticOn, customAllocation: { enabled: false } });
  });

  it('rejects turning both allocation modes on', async () => {
    const s = setUp();

    await expect(s.handler.execute(callerOf('org-1'), { automaticAllocation: automaticOn, customAllocation: customOn })).rejects.toBeInstanceOf(AllocationModeConflict);

    expect(s.repository.appends).toHaveLength(0);
  });

  it('names request paths in field errors', async () => {
    const s = setUp();

    const rejection = s.handler.execute(callerOf('org-1'), {
      customAllocation: { enabled: false, webhookUrl: 'http://routing.example.com/allocate' },
      idleRule: { enabled: true, idleMinutes: 0, reassignAttempts: 2 },
    });

    await expect(rejection).rejects.toMatchObject({ errors: [expect.objectContaining({ field: 'customAllocation.webhookUrl', code: 'WEBHOOK_URL_NOT_HTTPS' })] });
    const idle = s.handler.execute(callerOf('org-1'), { idleRule: { enabled: true, idleMinutes: 0, reassignAttempts: 2 } });
    await expect(idle).rejects.toMatchObject({ errors: [expect.objectContaining({ field: 'idleRule.idleMinutes', code: 'IDLE_MINUTES_OUT_OF_RANGE' })] });
  });
});
