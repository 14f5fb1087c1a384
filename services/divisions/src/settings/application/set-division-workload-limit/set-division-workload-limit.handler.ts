import { Inject, Injectable } from '@nestjs/common';
import type { CallerContext, WorkloadLimit } from '@regu/contracts';
import { DIVISION_REPOSITORY, type DivisionRepository } from '../../../divisions/application/division.ports';
import { setDivisionWorkloadLimit } from '../../domain/settings.decide';
import { SettingsCommandRunner } from '../settings-command.runner';
import type { WorkloadSettingsView } from '../settings-view';

/** A `null` limit removes the division's own limit, so its agents fall back to the next level. */
export interface SetDivisionWorkloadLimitPayload {
  divisionId: string;
  limit: WorkloadLimit | null;
}

@Injectable()
export class SetDivisionWorkloadLimitHandler {
  constructor(
    @Inject(SettingsCommandRunner) private readonly runner: Pick<SettingsCommandRunner, 'run'>,
    @Inject(DIVISION_REPOSITORY) private readonly divisions: Pick<DivisionRepository, 'load'>,
  ) {}

  async execute(caller: CallerContext, payload: SetDivisionWorkloadLimitPayload, expectedVersion?: number): Promise<WorkloadSettingsView> {
    const division = await this.divisions.load(caller.organizationId, payload.divisionId);
    const divisionExists = division.state.status === 'active';

    const view = await this.runner.run(caller, expectedVersion, (state) =>
      setDivisionWorkloadLimit({ divisionId: payload.divisionId, limit: payload.limit }, state, { divisionExists }),
    );
    return view.workload;
  }
}
