import { Inject, Injectable } from '@nestjs/common';
import { DomainError, formatMessage, WHATSAPP_MESSAGES, type CallerContext, type WorkloadLimit } from '@regu/contracts';
import { displayName, DirectoryReadModel } from '../../../directory/infrastructure/directory.read-model';
import type { DirectoryChannelStatus } from '../../../directory/infrastructure/channel-directory.projection';
import { DivisionListReadModel } from '../../../divisions/infrastructure/division-list.read-model';
import { effectiveWorkloadLimit, mayUseBroadcast } from '../../../settings/domain/settings.queries';
import { OrganizationSettingsProjection } from '../../../settings/infrastructure/organization-settings.projection';
import { allocationView, type AllocationSettingsView } from '../../../settings/application/settings-view';

export interface GetChannelRoutingPayload {
  channelId: string;
}

export interface RoutingAgent {
  agentId: string;
  name: string;
  /** Effective limit over all the agent's divisions, not only those serving this channel. */
  workloadLimit: WorkloadLimit;
  workloadLimitSource: 'agent' | 'division' | 'organization';
  mayUseBroadcast: boolean;
}

export interface RoutingDivision {
  divisionId: string;
  name: string;
  supervisorId: string | null;
  /** Active agents only; a division whose list is empty gets no chats. */
  agents: RoutingAgent[];
}

export interface ChannelRouting {
  channel: { channelId: string; name: string; status: DirectoryChannelStatus };
  /** Divisions scoped to all channels or to a list containing this one. Empty for a disconnected channel. */
  divisions: RoutingDivision[];
  /** The organization's allocation settings. `version` is the settings stream version the response was built from. */
  allocation: AllocationSettingsView;
}

export class ChannelNotFound extends DomainError {
  constructor(channelId: string) {
    super('CHANNEL_NOT_FOUND', 404, formatMessage(WHATSAPP_MESSAGES.CHANNEL_NOT_FOUND.en, { channelId }), { channelId });
  }
}

/**
 * Tells a routing service who may get a channel's chats: the divisions serving the
 * channel, their active agents with each agent's effective workload limit and broadcast
 * permission, and the organization's allocation settings. Built from the service's
 * projections, so it lags the latest writes by the projections' consumer lag.
 */
@Injectable()
export class GetChannelRoutingHandler {
  constructor(
    @Inject(DirectoryReadModel) private readonly directory: Pick<DirectoryReadModel, 'channel' | 'usersById'>,
    @Inject(DivisionListReadModel) private readonly divisions: Pick<DivisionListReadModel, 'servingChannel' | 'divisionIdsByAgent'>,
    @Inject(OrganizationSettingsProjection) private readonly settings: Pick<OrganizationSettingsProjection, 'settingsOf'>,
  ) {}

  async execute(caller: CallerContext, payload: GetChannelRoutingPayload): Promise<ChannelRouting> {
    const { organizationId } = caller;
    const channel = await this.directory.channel(organizationId, payload.channelId);
    if (channel === null) {
      throw new ChannelNotFound(payload.channelId);
    }

    const { settings, version } = await this.settings.settingsOf(organizationId);
    const serving = channel.status === 'disconnected' ? [] : await this.divisions.servingChannel(organizationId, channel.id);
    const memberIds = [...new Set(serving.flatMap((division) => division.agentIds))];
    const [users, divisionIdsByAgent] = await Promise.all([
      this.directory.usersById(organizationId, memberIds),
      this.divisions.divisionIdsByAgent(organizationId, memberIds),
    ]);

    const routingAgent = (agentId: string): RoutingAgent[] => {
      const user = users.get(agentId);
      if (user === undefined || user.role !== 'agent' || user.status !== 'active') {
        return [];
      }
      const divisionIds = divisionIdsByAgent.get(agentId) ?? [];
      const effective = effectiveWorkloadLimit(settings.workload, agentId, divisionIds);
      return [
        {
          agentId,
          name: displayName(user),
          workloadLimit: effective.limit,
          workloadLimitSource: effective.source,
          mayUseBroadcast: mayUseBroadcast(settings.broadcast, agentId, divisionIds),
        },
      ];
    };

    return {
      channel: { channelId: channel.id, name: channel.displayName, status: channel.status },
      divisions: serving.map((division) => ({
        divisionId: division._id,
        name: division.name,
        supervisorId: division.supervisorId,
        agents: division.agentIds.flatMap(routingAgent),
      })),
      allocation: allocationView(settings, version),
    };
  }
}
