import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Inject, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { CallerContext } from '@regu/contracts';
import { Caller } from '../auth/access-policy.decorators';
import { ApiProblems } from '../http/api-problems.decorator';
import { IfMatch, setETag } from '../http/if-match';
import type { ServiceClient } from '../service-clients/service-client';
import { DIVISIONS_SERVICE } from '../service-clients/service-clients.module';
import {
  AddAgentsBody,
  CreateDivisionBody,
  DivisionAgentParams,
  DivisionIdParams,
  DivisionPageResponse,
  DivisionResponse,
  ListDivisionsQuery,
  UpdateDivisionBody,
} from './divisions.dto';

export const IF_MATCH_HEADER = { name: 'If-Match', required: false, description: 'The ETag as last read; a stale one gets 412.' };

/** Divisions of the caller's organization. Admins change them; admins and supervisors read them. */
@ApiTags('divisions')
@Controller('divisions')
export class DivisionsController {
  constructor(@Inject(DIVISIONS_SERVICE) private readonly divisions: ServiceClient) {}

  @Post()
  @ApiOperation({ summary: 'Create a division', description: 'Admins only. Name, supervisor and agents are required; the channel scope defaults to all channels.' })
  @ApiCreatedResponse({ type: DivisionResponse })
  @ApiProblems(400, 403, 409)
  async create(@Caller() caller: CallerContext, @Body() body: CreateDivisionBody, @Res({ passthrough: true }) response: Response): Promise<DivisionResponse> {
    const division = await this.divisions.send<DivisionResponse>('divisions.create-division', caller, { ...body });
    setETag(response, division.version);
    response.setHeader('Location', `/api/v1/divisions/${division.id}`);
    return division;
  }

  @Get()
  @ApiOperation({ summary: 'List divisions', description: 'Sorted by name. The list follows changes within a moment, not at once.' })
  @ApiOkResponse({ type: DivisionPageResponse })
  @ApiProblems(400, 403)
  list(@Caller() caller: CallerContext, @Query() query: ListDivisionsQuery): Promise<DivisionPageResponse> {
    return this.divisions.send('divisions.list-divisions', caller, { ...query });
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read a division', description: 'With the names of its supervisor, agents and channels. Another organization\'s division is 404.' })
  @ApiOkResponse({ type: DivisionResponse })
  @ApiProblems(403, 404)
  async get(@Caller() caller: CallerContext, @Param() params: DivisionIdParams, @Res({ passthrough: true }) response: Response): Promise<DivisionResponse> {
    return this.withETag(response, this.divisions.send<DivisionResponse>('divisions.get-division', caller, { divisionId: params.id }));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename a division, change its supervisor or its channel scope', description: 'Absent fields keep their value; all changes are made together or not at all.' })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: DivisionResponse })
  @ApiProblems(400, 403, 404, 409, 412)
  update(
    @Caller() caller: CallerContext,
    @Param() params: DivisionIdParams,
    @Body() body: UpdateDivisionBody,
    @IfMatch() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<DivisionResponse> {
    return this.withETag(response, this.divisions.send<DivisionResponse>('divisions.update-division', caller, { divisionId: params.id, ...body }, expectedVersion));
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a division', description: 'Idempotent: deleting a deleted or unknown division also returns 204. Its name can be used again.' })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiNoContentResponse()
  @ApiProblems(403, 412)
  async delete(@Caller() caller: CallerContext, @Param() params: DivisionIdParams, @IfMatch() expectedVersion: number | undefined): Promise<void> {
    await this.divisions.send('divisions.delete-division', caller, { divisionId: params.id }, expectedVersion);
  }

  @Post(':id/agents')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Add agents to a division', description: 'Agents who are already members are skipped.' })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: DivisionResponse })
  @ApiProblems(400, 403, 404, 412)
  addAgents(
    @Caller() caller: CallerContext,
    @Param() params: DivisionIdParams,
    @Body() body: AddAgentsBody,
    @IfMatch() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<DivisionResponse> {
    return this.withETag(response, this.divisions.send<DivisionResponse>('divisions.add-agents-to-division', caller, { divisionId: params.id, agentIds: body.agentIds }, expectedVersion));
  }

  @Delete(':id/agents/:agentId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove an agent from a division', description: 'Idempotent for an agent who is not a member. The last agent cannot be removed (409).' })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiNoContentResponse({ description: 'Removed, or was not a member. The ETag header carries the new version.' })
  @ApiProblems(403, 404, 409, 412)
  async removeAgent(
    @Caller() caller: CallerContext,
    @Param() params: DivisionAgentParams,
    @IfMatch() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.withETag(response, this.divisions.send<DivisionResponse>('divisions.remove-agent-from-division', caller, { divisionId: params.id, agentId: params.agentId }, expectedVersion));
  }

  private async withETag<T extends { version: number }>(response: Response, answer: Promise<T>): Promise<T> {
    const resource = await answer;
    setETag(response, resource.version);
    return resource;
  }
}
