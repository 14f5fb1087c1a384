import { Inject, Injectable } from '@nestjs/common';
import type { CallerContext, WorkloadLimit } from '@regu/contracts';
import { setOrganizationWorkloadLimit } from '../../domain/settings.decide';
import { SettingsCommandRunner } from '../settings-command.runner';
import type { WorkloadSettingsView } from '../settings-view';

export interface SetOrganizationWorkloadLimitPayload {
  limit: WorkloadLimit;
}

/** Sets the default limit, which applies to agents with no limit of their own or of a division. */
@Injectable()
export class SetOrganizationWorkloadLimitHandler {
  constructor(@Inject(SettingsCommandRunner) private readonly runner: Pick<SettingsCommandRunner, 'run'>) {}

  async execute(caller: CallerContext, payload: SetOrganizationWorkloadLimitPayload, expectedVersion?: number): Promise<WorkloadSettingsView> {
    const view = await this.runner.run(caller, expectedVersion, (state) => setOrganizationWorkloadLimit({ limit: payload.limit }, state));
    return view.workload;
  }
}
