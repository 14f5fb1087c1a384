import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CallerContext } from '@regu/contracts';
import { Caller } from '../auth/access-policy.decorators';
import { ApiProblems } from '../http/api-problems.decorator';
import type { ServiceClient } from '../service-clients/service-client';
import { DIVISIONS_SERVICE } from '../service-clients/service-clients.module';
import { ChannelParams, EffectiveWorkloadPageResponse, PageQuery } from './settings.dto';

/** Read-only routes for supervisors and routing services: effective limits and who serves a channel. */
@ApiTags('routing')
@Controller()
export class RoutingController {
  constructor(@Inject(DIVISIONS_SERVICE) private readonly divisions: ServiceClient) {}

  @Get('agents/effective-workload')
  @ApiOperation({ summary: 'List the effective workload limit of every active agent', description: 'Ordered by agent id; each item names the level its limit comes from.' })
  @ApiOkResponse({ type: EffectiveWorkloadPageResponse })
  @ApiProblems(400, 403)
  effectiveWorkload(@Caller() caller: CallerContext, @Query() query: PageQuery): Promise<EffectiveWorkloadPageResponse> {
    return this.divisions.send('divisions.list-effective-workload-limits', caller, { ...query });
  }

  @Get('routing/channels/:channelId')
  @ApiOperation({
    summary: "Who may get a channel's chats",
    description: "The divisions serving the channel, their active agents with effective workload limit and broadcast permission, and the organization's allocation settings.",
  })
  @ApiOkResponse({ description: 'The channel, the divisions serving it with their active agents, and the allocation settings.' })
  @ApiProblems(403, 404)
  channelRouting(@Caller() caller: CallerContext, @Param() params: ChannelParams): Promise<unknown> {
    return this.divisions.send('divisions.get-channel-routing', caller, { channelId: params.channelId });
  }
}
