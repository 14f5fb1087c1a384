import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Inject, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { CallerContext } from '@regu/contracts';
import { Caller } from '../auth/access-policy.decorators';
import { ApiProblems } from '../http/api-problems.decorator';
import { IfMatch, setETag } from '../http/if-match';
import type { ServiceClient } from '../service-clients/service-client';
import { WHATSAPP_SERVICE } from '../service-clients/service-clients.module';
import { CreateTemplateBody, EditTemplateBody, ListTemplatesQuery, PreviewTemplateBody, SyncTemplatesBody, TemplateDetailsBody, TemplateIdParams } from './templates.dto';
import { WHATSAPP_PATTERNS } from './whatsapp.patterns';

const IF_MATCH_HEADER = { name: 'If-Match', required: false, description: 'The ETag of the template as last read; a stale one gets 412.' };

interface TemplateView {
  id: string;
  version: number;
}

/**
 * 24-hour (HSM) message templates of the caller's organization. Admins change them;
 * admins and supervisors read them. Broken WhatsApp rules get 422 with one entry per
 * rule in `errors`, in English or, with Accept-Language: id, Indonesian.
 */
@ApiTags('whatsapp templates')
@Controller('templates')
export class WhatsAppTemplatesController {
  constructor(@Inject(WHATSAPP_SERVICE) private readonly whatsapp: ServiceClient) {}

  @Post('details-check')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Check the details step ("Next")', description: 'Channel, name, category and language, checked alone; also 409 when the name and language are taken.' })
  @ApiOkResponse({ schema: { type: 'object', properties: { valid: { type: 'boolean' } } } })
  @ApiProblems(400, 403, 404, 409, 422)
  checkDetails(@Caller() caller: CallerContext, @Body() body: TemplateDetailsBody): Promise<unknown> {
    return this.whatsapp.send(WHATSAPP_PATTERNS.checkTemplateDetails, caller, { ...body });
  }

  @Post('preview')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Render the live preview', description: 'Header, body, footer and buttons with the sample values; validates nothing.' })
  @ApiOkResponse({ description: 'The rendered template.' })
  @ApiProblems(400, 403)
  preview(@Caller() caller: CallerContext, @Body() body: PreviewTemplateBody): Promise<unknown> {
    return this.whatsapp.send(WHATSAPP_PATTERNS.previewTemplate, caller, { ...body });
  }

  @Post('sync')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: "Import the channel's templates from WhatsApp", description: 'Follows WhatsApp paging to the last page; templates known here take over their WhatsApp status.' })
  @ApiOkResponse({ schema: { type: 'object', properties: { listed: { type: 'integer' }, imported: { type: 'integer' }, updated: { type: 'integer' } } } })
  @ApiProblems(400, 403, 404, 409, 422, 503)
  sync(@Caller() caller: CallerContext, @Body() body: SyncTemplatesBody): Promise<unknown> {
    return this.whatsapp.send(WHATSAPP_PATTERNS.syncTemplates, caller, { channelId: body.channelId });
  }

  @Post()
  @ApiOperation({ summary: 'Submit a template ("Submit")', description: 'Both steps are checked, then WhatsApp gets the template for review; its status follows WhatsApp webhooks.' })
  @ApiCreatedResponse({ description: 'The template, usually with status PENDING.' })
  @ApiProblems(400, 403, 404, 409, 422, 503)
  async create(@Caller() caller: CallerContext, @Body() body: CreateTemplateBody, @Res({ passthrough: true }) response: Response): Promise<TemplateView> {
    const template = await this.whatsapp.send<TemplateView>(WHATSAPP_PATTERNS.createTemplate, caller, { ...body });
    setETag(response, template.version);
    response.setHeader('Location', `/api/v1/templates/${template.id}`);
    return template;
  }

  @Get()
  @ApiOperation({ summary: 'List and search templates', description: 'Sorted by name and language. The list follows changes within a moment, not at once.' })
  @ApiOkResponse({ description: '{ items, limit, offset, total, nextOffset }' })
  @ApiProblems(400, 403)
  list(@Caller() caller: CallerContext, @Query() query: ListTemplatesQuery): Promise<unknown> {
    return this.whatsapp.send(WHATSAPP_PATTERNS.listTemplates, caller, { ...query });
  }

  @Get(':id')
  @ApiOperation({ summary: 'Read a template for editing' })
  @ApiOkResponse({ description: 'The template.' })
  @ApiProblems(400, 403, 404)
  async get(@Caller() caller: CallerContext, @Param() params: TemplateIdParams, @Res({ passthrough: true }) response: Response): Promise<TemplateView> {
    const template = await this.whatsapp.send<TemplateView>(WHATSAPP_PATTERNS.getTemplate, caller, { templateId: params.id });
    setETag(response, template.version);
    return template;
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit a template', description: 'Only in APPROVED, REJECTED or PAUSED, as WhatsApp allows; WhatsApp reviews it again, so it returns to PENDING.' })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiOkResponse({ description: 'The edited template.' })
  @ApiProblems(400, 403, 404, 409, 412, 422, 503)
  async edit(
    @Caller() caller: CallerContext,
    @Param() params: TemplateIdParams,
    @Body() body: EditTemplateBody,
    @IfMatch() expectedVersion: number | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TemplateView> {
    const template = await this.whatsapp.send<TemplateView>(WHATSAPP_PATTERNS.editTemplate, caller, { templateId: params.id, ...body }, expectedVersion);
    setETag(response, template.version);
    return template;
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a template here and at WhatsApp', description: 'Deleting again also answers 204; the name can then be used again.' })
  @ApiHeader(IF_MATCH_HEADER)
  @ApiNoContentResponse()
  @ApiProblems(400, 403, 404, 412, 503)
  async delete(@Caller() caller: CallerContext, @Param() params: TemplateIdParams, @IfMatch() expectedVersion: number | undefined): Promise<void> {
    await this.whatsapp.send(WHATSAPP_PATTERNS.deleteTemplate, caller, { templateId: params.id }, expectedVersion);
  }
}
