import { Inject, Injectable } from '@nestjs/common';
import type { AutomaticAllocation, CallerContext, CustomAllocation, IdleRule, SettingsEvent } from '@regu/contracts';
import {
  configureAutomaticAllocation,
  configureCustomAllocation,
  configureIdleRule,
  setAgentsMayTakeUnassignedChats,
  setAgentsMayTransferChats,
} from '../../domain/settings.decide';
import { evolveSettings, type SettingsState } from '../../domain/settings.evolve';
import { SettingsCommandRunner } from '../settings-command.runner';
import type { AllocationSettingsView } from '../settings-view';

/** Allocation fields to change; an absent field keeps its value. */
export interface UpdateAllocationSettingsPayload {
  agentsMayTakeUnassignedChats?: boolean;
  agentsMayTransferChats?: boolean;
  automaticAllocation?: AutomaticAllocation;
  customAllocation?: CustomAllocation;
  idleRule?: IdleRule;
}

type Step = (state: SettingsState) => SettingsEvent[];

/**
 * Changes any of the allocation settings in one commit. A request that turns one
 * allocation mode off and the other on applies the one being turned off first, so
 * switching from automatic to custom allocation in one request is not a conflict.
 */
@Injectable()
export class UpdateAllocationSettingsHandler {
  constructor(@Inject(SettingsCommandRunner) private readonly runner: Pick<SettingsCommandRunner, 'run'>) {}

  async execute(caller: CallerContext, payload: UpdateAllocationSettingsPayload, expectedVersion?: number): Promise<AllocationSettingsView> {
    const steps = allocationSteps(payload);
    const view = await this.runner.run(caller, expectedVersion, (initial) => {
      const events: SettingsEvent[] = [];
      let state = initial;
      for (const step of steps) {
        const next = step(state);
        events.push(...next);
        state = next.reduce(evolveSettings, state);
      }
      return events;
    });
    return view.allocation;
  }
}

function allocationSteps(payload: UpdateAllocationSettingsPayload): Step[] {
  const steps: Step[] = [];
  const { agentsMayTakeUnassignedChats, agentsMayTransferChats, automaticAllocation, customAllocation, idleRule } = payload;

  if (agentsMayTakeUnassignedChats !== undefined) {
    steps.push((state) => setAgentsMayTakeUnassignedChats({ allowed: agentsMayTakeUnassignedChats }, state));
  }
  if (agentsMayTransferChats !== undefined) {
    steps.push((state) => setAgentsMayTransferChats({ allowed: agentsMayTransferChats }, state));
  }

  const automatic: Step[] = automaticAllocation === undefined ? [] : [(state) => configureAutomaticAllocation(automaticAllocation, state)];
  const custom: Step[] = customAllocation === undefined ? [] : [(state) => configureCustomAllocation(customAllocation, state)];
  steps.push(...(customAllocation?.enabled === false ? [...custom, ...automatic] : [...automatic, ...custom]));

  if (idleRule !== undefined) {
    steps.push((state) => configureIdleRule(idleRule, state));
  }
  return steps;
}

