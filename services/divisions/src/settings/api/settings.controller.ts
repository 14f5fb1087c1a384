import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { CommandMessage } from '@regu/contracts';
import {
  ChangeBroadcastGrantsHandler,
  type AgentBroadcastPayload,
  type DivisionBroadcastPayload,
} from '../application/change-broadcast-grants/change-broadcast-grants.handler';
import { GetSettingsHandler } from '../application/get-settings/get-settings.handler';
import {
  ListEffectiveWorkloadLimitsHandler,
  type EffectiveWorkloadLimitPage,
  type ListEffectiveWorkloadLimitsPayload,
} from '../application/list-effective-workload-limits/list-effective-workload-limits.handler';
import { SetAgentWorkloadLimitHandler, type SetAgentWorkloadLimitPayload } from '../application/set-agent-workload-limit/set-agent-workload-limit.handler';
import {
  SetDivisionWorkloadLimitHandler,
  type SetDivisionWorkloadLimitPayload,
} from '../application/set-division-workload-limit/set-division-workload-limit.handler';
import {
  SetOrganizationWorkloadLimitHandler,
  type SetOrganizationWorkloadLimitPayload,
} from '../application/set-organization-workload-limit/set-organization-workload-limit.handler';
import type { AllocationSettingsView, BroadcastSettingsView, WorkloadSettingsView } from '../application/settings-view';
import {
  UpdateAllocationSettingsHandler,
  type UpdateAllocationSettingsPayload,
} from '../application/update-allocation-settings/update-allocation-settings.handler';

/** The gateway's settings commands and queries over TCP. Every response carries the settings stream `version`, the ETag. */
@Controller()
export class SettingsController {
  constructor(
    @Inject(GetSettingsHandler) private readonly getSettings: GetSettingsHandler,
    @Inject(UpdateAllocationSettingsHandler) private readonly updateAllocation: UpdateAllocationSettingsHandler,
    @Inject(SetOrganizationWorkloadLimitHandler) private readonly setOrganizationLimit: SetOrganizationWorkloadLimitHandler,
    @Inject(SetDivisionWorkloadLimitHandler) private readonly setDivisionLimit: SetDivisionWorkloadLimitHandler,
    @Inject(SetAgentWorkloadLimitHandler) private readonly setAgentLimit: SetAgentWorkloadLimitHandler,
    @Inject(ChangeBroadcastGrantsHandler) private readonly broadcast: ChangeBroadcastGrantsHandler,
    @Inject(ListEffectiveWorkloadLimitsHandler) private readonly effectiveLimits: ListEffectiveWorkloadLimitsHandler,
  ) {}

  @MessagePattern('divisions.get-allocation-settings')
  async getAllocationSettings(@Payload() message: CommandMessage): Promise<AllocationSettingsView> {
    return (await this.getSettings.execute(message.caller)).allocation;
  }

  @MessagePattern('divisions.update-allocation-settings')
  updateAllocationSettings(@Payload() message: CommandMessage<UpdateAllocationSettingsPayload>): Promise<AllocationSettingsView> {
    return this.updateAllocation.execute(message.caller, message.payload, message.expectedVersion);
  }

  @MessagePattern('divisions.get-workload-settings')
  async getWorkloadSettings(@Payload() message: CommandMessage): Promise<WorkloadSettingsView> {
    return (await this.getSettings.execute(message.caller)).workload;
  }

  @MessagePattern('divisions.set-organization-workload-limit')
  setOrganizationWorkloadLimit(@Payload() message: CommandMessage<SetOrganizationWorkloadLimitPayload>): Promise<WorkloadSettingsView> {
    return this.setOrganizationLimit.execute(message.caller, message.payload, message.expectedVersion);
  }

  @MessagePattern('divisions.set-division-workload-limit')
  setDivisionWorkloadLimit(@Payload() message: CommandMessage<SetDivisionWorkloadLimitPayload>): Promise<WorkloadSettingsView> {
    return this.setDivisionLimit.execute(message.caller, message.payload, message.expectedVersion);
  }

  @MessagePattern('divisions.set-agent-workload-limit')
  setAgentWorkloadLimit(@Payload() message: CommandMessage<SetAgentWorkloadLimitPayload>): Promise<WorkloadSettingsView> {
    return this.setAgentLimit.execute(message.caller, message.payload, message.expectedVersion);
  }

  @MessagePattern('divisions.list-effective-workload-limits')
  listEffectiveWorkloadLimits(@Payload() message: CommandMessage<ListEffectiveWorkloadLimitsPayload>): Promise<EffectiveWorkloadLimitPage> {
    return this.effectiveLimits.execute(message.caller, message.payload ?? {});
  }

  @MessagePattern('divisions.get-broadcast-settings')
  async getBroadcastSettings(@Payload() message: CommandMessage): Promise<BroadcastSettingsView> {
    return (await this.getSettings.execute(message.caller)).broadcast;
  }

  @MessagePattern('divisions.grant-broadcast-to-agent')
  grantBroadcastToAgent(@Payload() message: CommandMessage<AgentBroadcastPayload>): Promise<BroadcastSettingsView> {
    return this.broadcast.grantToAgent(message.caller, message.payload, message.expectedVersion);
  }

  @MessagePattern('divisions.revoke-broadcast-from-agent')
  revokeBroadcastFromAgent(@Payload() message: CommandMessage<AgentBroadcastPayload>): Promise<BroadcastSettingsView> {
    return this.broadcast.revokeFromAgent(message.caller, message.payload, message.expectedVersion);
  }

  @MessagePattern('divisions.grant-broadcast-to-division')
  grantBroadcastToDivision(@Payload() message: CommandMessage<DivisionBroadcastPayload>): Promise<BroadcastSettingsView> {
    return this.broadcast.grantToDivision(message.caller, message.payload, message.expectedVersion);
  }

  @MessagePattern('divisions.revoke-broadcast-from-division')
  revokeBroadcastFromDivision(@Payload() message: CommandMessage<DivisionBroadcastPayload>): Promise<BroadcastSettingsView> {
    return this.broadcast.revokeFromDivision(message.caller, message.payload, message.expectedVersion);
  }
}
