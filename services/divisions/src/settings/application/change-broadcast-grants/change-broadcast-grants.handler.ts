import { Inject, Injectable } from '@nestjs/common';
import type { CallerContext } from '@regu/contracts';
import { DirectoryReadModel } from '../../../directory/infrastructure/directory.read-model';
import { DIVISION_REPOSITORY, type DivisionRepository } from '../../../divisions/application/division.ports';
import { grantBroadcastToAgent, grantBroadcastToDivision, revokeBroadcastFromAgent, revokeBroadcastFromDivision } from '../../domain/settings.decide';
import { SettingsCommandRunner } from '../settings-command.runner';
import type { BroadcastSettingsView } from '../settings-view';

export interface AgentBroadcastPayload {
  agentId: string;
}

export interface DivisionBroadcastPayload {
  divisionId: string;
}

/**
 * Grants and revokes broadcast, per agent or per division. Granting a granted one and
 * revoking one that has no grant are no-ops, so both behave as idempotent PUT and DELETE.
 */
@Injectable()
export class ChangeBroadcastGrantsHandler {
  constructor(
    @Inject(SettingsCommandRunner) private readonly runner: Pick<SettingsCommandRunner, 'run'>,
    @Inject(DirectoryReadModel) private readonly directory: Pick<DirectoryReadModel, 'isActiveAgent'>,
    @Inject(DIVISION_REPOSITORY) private readonly divisions: Pick<DivisionRepository, 'load'>,
  ) {}

  async grantToAgent(caller: CallerContext, payload: AgentBroadcastPayload, expectedVersion?: number): Promise<BroadcastSettingsView> {
    const agentActive = await this.directory.isActiveAgent(caller.organizationId, payload.agentId);
    const view = await this.runner.run(caller, expectedVersion, (state) => grantBroadcastToAgent(payload, state, { agentActive }));
    return view.broadcast;
  }

  async revokeFromAgent(caller: CallerContext, payload: AgentBroadcastPayload, expectedVersion?: number): Promise<BroadcastSettingsView> {
    const view = await this.runner.run(caller, expectedVersion, (state) => revokeBroadcastFromAgent(payload, state));
    return view.broadcast;
  }

  async grantToDivision(caller: CallerContext, payload: DivisionBroadcastPayload, expectedVersion?: number): Promise<BroadcastSettingsView> {
    const division = await this.divisions.load(caller.organizationId, payload.divisionId);
    const divisionExists = division.state.status === 'active';
    const view = await this.runner.run(caller, expectedVersion, (state) => grantBroadcastToDivision(payload, state, { divisionExists }));
    return view.broadcast;
  }

  async revokeFromDivision(caller: CallerContext, payload: DivisionBroadcastPayload, expectedVersion?: number): Promise<BroadcastSettingsView> {
    const view = await this.runner.run(caller, expectedVersion, (state) => revokeBroadcastFromDivision(payload, state));
    return view.broadcast;
  }
}
