import { Inject, Injectable } from '@nestjs/common';
import type { DivisionDeletedData, EventEnvelope } from '@regu/contracts';
import { retryOnConflict } from '../../../common/retry-on-conflict';
import { systemActorFor } from '../../../common/system-actor';
import { clearDivisionSettings } from '../../domain/settings.decide';
import { SettingsCommandRunner } from '../settings-command.runner';

/** Removes a deleted division's workload limit and broadcast grant, so no later division inherits them. */
@Injectable()
export class ClearDivisionSettingsHandler {
  constructor(@Inject(SettingsCommandRunner) private readonly runner: Pick<SettingsCommandRunner, 'run'>) {}

  async execute(event: EventEnvelope): Promise<void> {
    if (event.type !== 'DivisionDeleted') {
      return;
    }
    const { divisionId } = event.data as DivisionDeletedData;
    await retryOnConflict(() =>
      this.runner.run(systemActorFor(event), undefined, (state) => clearDivisionSettings({ divisionId }, state), event.eventId),
    );
  }
}
