import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Inject, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { CallerContext } from '@regu/contracts';
import { Caller } from '../auth/access-policy.decorators';
import { ApiProblems } from '../http/api-problems.decorator';
import { IfMatch, setETag } from '../http/if-match';
import type { ServiceClient } from '../service-clients/service-client';
import { WHATSAPP_SERVICE } from '../service-clients/service-clients.module';
import { ChannelIdParams, ChannelPageResponse, ChannelResponse, ConnectChannelBody, ListChannelsQuery, UpdateChannelBody } from './channels.dto';
import { WHATSAPP_PATTERNS } from './whatsapp.patterns';

const IF_MATCH_HEADER = { name: 'If-Match', required: false, description: 'The ETag of the channel as last read; a stale one gets 412.' };

interface ChannelView {
  id: string;
  version: number;
}

/** WhatsApp Business numbers of the caller's organization. Admins change them; admins and supervisors read them. */
@ApiTags('whatsapp channels')
@Controller('channels/whatsapp')
export class WhatsAppChannelsController {
  constructor(@Inject(WHATSAPP_SERVICE) private readonly whatsapp: ServiceClient) {}

  @Post()
  @ApiOperation({
    summary: 'Connect a WhatsApp number',
    description: 'WhatsApp checks the access token first; a rejected token gets 422 CHANNEL_TOKEN_REJECTED with the reason. A number connected elsewhere gets 409.',
  })
  @ApiCreatedResponse({ type: ChannelResponse })
  @ApiProblems(400, 403, 409, 422, 503)
  async connect(@Caller() caller: CallerContext, @Body() body: ConnectChannelBody, @Res({ passthrough: true }) response: Response): Promise<ChannelView> {
    const channel = await this.whatsapp.send<ChannelView>(WHATSAPP_PATTERNS.connectChannel, caller, { ...body });
    setETag(response, channel.version);
    response.setHeader('Location', `/api/v1/channels/whatsapp/${channel.id}`);
    return channel;
  }

  @Get()
  @ApiOperation({ summary: 'List WhatsApp channels with their status', description: 'Sorted by display name. The list follows changes within a moment, not at once.' })
  @ApiOkResponse({ type: ChannelPageResponse })
  @ApiProblems(400, 403)
  list(@Caller() caller: CallerContext, @Query() query: ListChannelsQuery): Promise<unknown> {
    return this.whatsapp.send(WHATSAPP_PATTERNS.listChannels, caller, { ...query });
  }

  @Get(':id')
  @ApiOperation({ summary: "Read a channel's settings", description: 'The access token is never returned.' })
  @ApiOkResponse({ type: ChannelResponse })
  @ApiProblems(400, 403, 404)
  async get(@Caller() caller: CallerContext, @Param() params: ChannelIdParams, @Res({ passthrough: true }) response: Response): Promise<ChannelView> {
    const channel = await this.whatsapp.send<ChannelView>(WHATSAPP_PATTERNS.getChannel, caller, { channelId: params.id });
    setETag(response, channel.version);
    return channel;
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change the display name or the access token', description: 'A new token is checked with WhatsApp first and reconnects a channel that needs reconnection.' })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ type: ChannelResponse })
  @ApiProblems(400, 403, 404, 409, 412, 422, 503)
  async update(
    @Caller() caller: CallerContext,
    @Param() params: ChannelIdParams,
    @Body() body: UpdateChannelBody,
    @IfMatch() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ChannelView> {
    const channel = await this.whatsapp.send<ChannelView>(WHATSAPP_PATTERNS.updateChannel, caller, { channelId: params.id, ...body }, expectedVersion);
    setETag(response, channel.version);
    return channel;
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Disconnect a channel', description: 'Frees the number to be connected again, here or in another organization. Disconnecting again also answers 204.' })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiNoContentResponse()
  @ApiProblems(400, 403, 404, 412)
  async disconnect(@Caller() caller: CallerContext, @Param() params: ChannelIdParams, @IfMatch() expectedVersion: number | undefined): Promise<void> {
    await this.whatsapp.send(WHATSAPP_PATTERNS.disconnectChannel, caller, { channelId: params.id }, expectedVersion);
  }
}
