import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@regu/contracts';
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
    steps.push(inField(() => 'agentsMayTakeUnassignedChats', (state) => setAgentsMayTakeUnassignedChats({ allowed: agentsMayTakeUnassignedChats }, state)));
  }
  if (agentsMayTransferChats !== undefined) {
    steps.push(inField(() => 'agentsMayTransferChats', (state) => setAgentsMayTransferChats({ allowed: agentsMayTransferChats }, state)));
  }

  const automatic: Step[] =
    automaticAllocation === undefined ? [] : [inField((field) => `automaticAllocation.${field}`, (state) => configureAutomaticAllocation(automaticAllocation, state))];
  const custom: Step[] =
    customAllocation === undefined ? [] : [inField((field) => `customAllocation.${field}`, (state) => configureCustomAllocation(customAllocation, state))];
  steps.push(...(customAllocation?.enabled === false ? [...custom, ...automatic] : [...automatic, ...custom]));

  if (idleRule !== undefined) {
    steps.push(inField((field) => `idleRule.${field}`, (state) => configureIdleRule(idleRule, state)));
  }
  return steps;
}


/**
 * Rewrites the field names of a step's errors into paths of the request body, because
 * each decider names the fields of its own command (`webhookUrl` is the request's
 * `customAllocation.webhookUrl`).
 */
function inField(path: (field: string) => string, step: Step): Step {
  return (state) => {
    try {
      return step(state);
    } catch (error) {
      if (error instanceof DomainError) {
        for (const fieldError of error.errors) {
          fieldError.field = path(fieldError.field);
        }
      }
      throw error;
    }
  };
}
