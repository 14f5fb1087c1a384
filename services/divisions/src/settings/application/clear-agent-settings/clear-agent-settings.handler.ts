import { Inject, Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@regu/contracts';
import { retryOnConflict } from '../../../common/retry-on-conflict';
import { systemActorFor } from '../../../common/system-actor';
import { unavailabilityOf } from '../../../divisions/application/remove-unavailable-user/remove-unavailable-user.handler';
import { clearAgentSettings } from '../../domain/settings.decide';
import { SettingsCommandRunner } from '../settings-command.runner';

/**
 * Removes the own workload limit and broadcast grant of a user who stopped being an
 * active agent (deactivated, deleted, or given another role), so that an agent who comes
 * back starts from the organization's and divisions' settings. A no-op for anyone else.
 */
@Injectable()
export class ClearAgentSettingsHandler {
  constructor(@Inject(SettingsCommandRunner) private readonly runner: Pick<SettingsCommandRunner, 'run'>) {}

  async execute(event: EventEnvelope): Promise<void> {
    const unavailability = unavailabilityOf(event);
    if (unavailability === null || unavailability.agentReason === null) {
      return;
    }
    const { userId } = unavailability;
    await retryOnConflict(() => this.runner.run(systemActorFor(event), undefined, (state) => clearAgentSettings({ agentId: userId }, state), event.eventId));
  }
}
