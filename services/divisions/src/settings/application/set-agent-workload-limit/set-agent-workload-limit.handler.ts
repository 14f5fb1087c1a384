import { Inject, Injectable } from '@nestjs/common';
import type { CallerContext, WorkloadLimit } from '@regu/contracts';
import { DirectoryReadModel } from '../../../directory/infrastructure/directory.read-model';
import { setAgentWorkloadLimit } from '../../domain/settings.decide';
import { SettingsCommandRunner } from '../settings-command.runner';
import type { WorkloadSettingsView } from '../settings-view';

/** A `null` limit removes the agent's own limit, so they fall back to their divisions' or the organization's. */
export interface SetAgentWorkloadLimitPayload {
  agentId: string;
  limit: WorkloadLimit | null;
}

@Injectable()
export class SetAgentWorkloadLimitHandler {
  constructor(
    @Inject(SettingsCommandRunner) private readonly runner: Pick<SettingsCommandRunner, 'run'>,
    @Inject(DirectoryReadModel) private readonly directory: Pick<DirectoryReadModel, 'isActiveAgent'>,
  ) {}

  async execute(caller: CallerContext, payload: SetAgentWorkloadLimitPayload, expectedVersion?: number): Promise<WorkloadSettingsView> {
    const agentActive = await this.directory.isActiveAgent(caller.organizationId, payload.agentId);

    const view = await this.runner.run(caller, expectedVersion, (state) =>
      setAgentWorkloadLimit({ agentId: payload.agentId, limit: payload.limit }, state, { agentActive }),
    );
    return view.workload;
  }
}
