import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Inject, Param, Put, Res } from '@nestjs/common';
import { ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { CallerContext } from '@regu/contracts';
import { Caller } from '../auth/access-policy.decorators';
import { ApiProblems } from '../http/api-problems.decorator';
import { IfMatch, setETag } from '../http/if-match';
import type { ServiceClient } from '../service-clients/service-client';
import { DIVISIONS_SERVICE } from '../service-clients/service-clients.module';
import {
  AgentSettingsParams,
  AllocationSettingsBody,
  AllocationSettingsResponse,
  BroadcastSettingsResponse,
  DivisionSettingsParams,
  OrganizationWorkloadBody,
  WorkloadLimitBody,
  WorkloadSettingsResponse,
} from './settings.dto';

const SETTINGS_IF_MATCH = { name: 'If-Match', required: false, description: 'The settings ETag as last read (one for allocation, workload and broadcast); a stale one gets 412.' };

/**
 * The organization's agent allocation, workload and broadcast settings. Admins change
 * them; admins and supervisors read them. All three share one version, the ETag.
 */
@ApiTags('settings')
@Controller('settings')
export class SettingsController {
  constructor(@Inject(DIVISIONS_SERVICE) private readonly divisions: ServiceClient) {}

  @Get('allocation')
  @ApiOperation({ summary: 'Read the allocation settings' })
  @ApiOkResponse({ type: AllocationSettingsResponse })
  @ApiProblems(403)
  allocation(@Caller() caller: CallerContext, @Res({ passthrough: true }) response: Response): Promise<AllocationSettingsResponse> {
    return this.withETag(response, this.divisions.send('divisions.get-allocation-settings', caller, {}));
  }

  @Put('allocation')
  @ApiOperation({ summary: 'Replace the allocation settings', description: 'Automatic and custom allocation cannot both be on (409).' })
  @ApiHeader(SETTINGS_IF_MATCH)
  @ApiOkResponse({ type: AllocationSettingsResponse })
  @ApiProblems(400, 403, 409, 412)
  replaceAllocation(
    @Caller() caller: CallerContext,
    @Body() body: AllocationSettingsBody,
    @IfMatch() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AllocationSettingsResponse> {
    return this.withETag(response, this.divisions.send('divisions.update-allocation-settings', caller, { ...body }, expectedVersion));
  }

  @Get('workload')
  @ApiOperation({
    summary: 'Read the workload limits',
    description: "An agent's own limit wins. Otherwise the highest limit among their divisions that have one applies, and otherwise the organization's.",
  })
  @ApiOkResponse({ type: WorkloadSettingsResponse })
  @ApiProblems(403)
  workload(@Caller() caller: CallerContext, @Res({ passthrough: true }) response: Response): Promise<WorkloadSettingsResponse> {
    return this.withETag(response, this.divisions.send('divisions.get-workload-settings', caller, {}));
  }

  @Put('workload')
  @ApiOperation({ summary: "Set the organization's default workload limit" })
  @ApiHeader(SETTINGS_IF_MATCH)
  @ApiOkResponse({ type: WorkloadSettingsResponse })
  @ApiProblems(400, 403, 412)
  setOrganizationLimit(
    @Caller() caller: CallerContext,
    @Body() body: OrganizationWorkloadBody,
    @IfMatch() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WorkloadSettingsResponse> {
    return this.withETag(response, this.divisions.send('divisions.set-organization-workload-limit', caller, { limit: body.organizationLimit }, expectedVersion));
  }

  @Put('workload/divisions/:divisionId')
  @ApiOperation({ summary: "Set a division's workload limit" })
  @ApiHeader(SETTINGS_IF_MATCH)
  @ApiOkResponse({ type: WorkloadSettingsResponse })
  @ApiProblems(400, 403, 404, 412)
  setDivisionLimit(
    @Caller() caller: CallerContext,
    @Param() params: DivisionSettingsParams,
    @Body() body: WorkloadLimitBody,
    @IfMatch() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WorkloadSettingsResponse> {
    return this.withETag(response, this.divisions.send('divisions.set-division-workload-limit', caller, { divisionId: params.divisionId, limit: body.limit }, expectedVersion));
  }

  @Delete('workload/divisions/:divisionId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: "Remove a division's own workload limit", description: 'Idempotent. Its agents fall back to the next level.' })
  @ApiHeader(SETTINGS_IF_MATCH)
  @ApiNoContentResponse()
  @ApiProblems(403, 412)
  async removeDivisionLimit(
    @Caller() caller: CallerContext,
    @Param() params: DivisionSettingsParams,
    @IfMatch() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.withETag(response, this.divisions.send<{ version: number }>('divisions.set-division-workload-limit', caller, { divisionId: params.divisionId, limit: null }, expectedVersion));
  }

  @Put('workload/agents/:agentId')
  @ApiOperation({ summary: "Set an agent's own workload limit" })
  @ApiHeader(SETTINGS_IF_MATCH)
  @ApiOkResponse({ type: WorkloadSettingsResponse })
  @ApiProblems(400, 403, 412)
  setAgentLimit(
    @Caller() caller: CallerContext,
    @Param() params: AgentSettingsParams,
    @Body() body: WorkloadLimitBody,
    @IfMatch() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WorkloadSettingsResponse> {
    return this.withETag(response, this.divisions.send('divisions.set-agent-workload-limit', caller, { agentId: params.agentId, limit: body.limit }, expectedVersion));
  }

  @Delete('workload/agents/:agentId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: "Remove an agent's own workload limit", description: 'Idempotent.' })
  @ApiHeader(SETTINGS_IF_MATCH)
  @ApiNoContentResponse()
  @ApiProblems(403, 412)
  async removeAgentLimit(
    @Caller() caller: CallerContext,
    @Param() params: AgentSettingsParams,
    @IfMatch() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.withETag(response, this.divisions.send<{ version: number }>('divisions.set-agent-workload-limit', caller, { agentId: params.agentId, limit: null }, expectedVersion));
  }

  @Get('broadcast')
  @ApiOperation({ summary: 'Read who may use broadcast' })
  @ApiOkResponse({ type: BroadcastSettingsResponse })
  @ApiProblems(403)
  broadcast(@Caller() caller: CallerContext, @Res({ passthrough: true }) response: Response): Promise<BroadcastSettingsResponse> {
    return this.withETag(response, this.divisions.send('divisions.get-broadcast-settings', caller, {}));
  }

  @Put('broadcast/agents/:agentId')
  @ApiOperation({ summary: 'Grant broadcast to an agent', description: 'Idempotent.' })
  @ApiHeader(SETTINGS_IF_MATCH)
  @ApiOkResponse({ type: BroadcastSettingsResponse })
  @ApiProblems(400, 403, 412)
  grantToAgent(
    @Caller() caller: CallerContext,
    @Param() params: AgentSettingsParams,
    @IfMatch() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BroadcastSettingsResponse> {
    return this.withETag(response, this.divisions.send('divisions.grant-broadcast-to-agent', caller, { agentId: params.agentId }, expectedVersion));
  }

  @Delete('broadcast/agents/:agentId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: "Revoke an agent's own broadcast grant", description: 'Idempotent. A grant to one of their divisions still applies.' })
  @ApiHeader(SETTINGS_IF_MATCH)
  @ApiNoContentResponse()
  @ApiProblems(403, 412)
  async revokeFromAgent(
    @Caller() caller: CallerContext,
    @Param() params: AgentSettingsParams,
    @IfMatch() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.withETag(response, this.divisions.send<{ version: number }>('divisions.revoke-broadcast-from-agent', caller, { agentId: params.agentId }, expectedVersion));
  }

  @Put('broadcast/divisions/:divisionId')
  @ApiOperation({ summary: 'Grant broadcast to every agent of a division', description: 'Idempotent.' })
  @ApiHeader(SETTINGS_IF_MATCH)
  @ApiOkResponse({ type: BroadcastSettingsResponse })
  @ApiProblems(403, 404, 412)
  grantToDivision(
    @Caller() caller: CallerContext,
    @Param() params: DivisionSettingsParams,
    @IfMatch() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BroadcastSettingsResponse> {
    return this.withETag(response, this.divisions.send('divisions.grant-broadcast-to-division', caller, { divisionId: params.divisionId }, expectedVersion));
  }

  @Delete('broadcast/divisions/:divisionId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: "Revoke a division's broadcast grant", description: 'Idempotent.' })
  @ApiHeader(SETTINGS_IF_MATCH)
  @ApiNoContentResponse()
  @ApiProblems(403, 412)
  async revokeFromDivision(
    @Caller() caller: CallerContext,
    @Param() params: DivisionSettingsParams,
    @IfMatch() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.withETag(response, this.divisions.send<{ version: number }>('divisions.revoke-broadcast-from-division', caller, { divisionId: params.divisionId }, expectedVersion));
  }

  private async withETag<T extends { version: number }>(response: Response, answer: Promise<T>): Promise<T> {
    const resource = await answer;
    setETag(response, resource.version);
    return resource;
  }
}
