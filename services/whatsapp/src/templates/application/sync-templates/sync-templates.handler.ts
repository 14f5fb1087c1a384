import { Inject, Injectable, Logger } from '@nestjs/common';
import type { CommandMessage } from '@regu/contracts';
import { SERVICE_ENVIRONMENT, type CommandActor } from '@regu/service-kit';
import { ChannelAccess, type OpenChannel } from '../../../channels/application/channel-access';
import { CLOCK, ID_GENERATOR, type Clock, type IdGenerator } from '../../../common/clock';
import { retryOnConflict, type OrganizationStreamRepository } from '../../../common/organization-stream.repository';
import { fromGraphTemplate, type ProviderTemplate } from '../../../provider/template-components';
import { WhatsAppCloudClient } from '../../../provider/whatsapp-cloud.client';
import type { WhatsAppEnvironment } from '../../../whatsapp.environment';
import { applyTemplateStatus, importTemplate } from '../../domain/template.decide';
import type { TemplateEvent } from '../../domain/template.events';
import type { TemplateState } from '../../domain/template.evolve';
import { TemplateNames, templateNameKey, type TemplateNameClaim } from '../../infrastructure/template-names';
import { TEMPLATE_REPOSITORY } from '../../templates.tokens';
import { TemplateNameReservation } from '../template-name-reservation';

export interface SyncResult {
  /** Templates WhatsApp listed, over every page. */
  listed: number;
  /** Templates found at WhatsApp but not here, now imported. */
  imported: number;
  /** Known templates whose status differed from WhatsApp's, now updated. */
  updated: number;
}

/**
 * Imports the templates of a channel's WhatsApp Business Account that exist at WhatsApp
 * but not here, following WhatsApp's paging to the last page, and takes over WhatsApp's
 * status for the ones that exist in both places. Running it twice imports nothing new.
 */
@Injectable()
export class SyncTemplatesHandler {
  private readonly logger = new Logger(SyncTemplatesHandler.name);

  constructor(
    @Inject(TEMPLATE_REPOSITORY) private readonly templates: OrganizationStreamRepository<TemplateState, TemplateEvent>,
    private readonly channels: ChannelAccess,
    private readonly reservation: TemplateNameReservation,
    private readonly names: TemplateNames,
    private readonly client: WhatsAppCloudClient,
    @Inject(SERVICE_ENVIRONMENT) private readonly environment: WhatsAppEnvironment,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly newId: IdGenerator,
  ) {}

  async handle({ caller, payload }: CommandMessage<{ channelId: string }>): Promise<SyncResult> {
    const channel = await this.channels.open(caller.organizationId, payload.channelId);
    return this.syncChannel(channel, caller);
  }

  /** Syncs an already opened channel; `actor` is the admin who asked, or the service reacting to a webhook. */
  async syncChannel(channel: OpenChannel, actor: CommandActor): Promise<SyncResult> {
    const listed = await this.channels.call(channel, actor.correlationId, (accessToken) =>
      this.client.listAllTemplates(accessToken, channel.wabaId, this.environment.WHATSAPP_TEMPLATE_SYNC_PAGE_SIZE),
    );

    const result: SyncResult = { listed: listed.length, imported: 0, updated: 0 };
    for (const graphTemplate of listed) {
      const outcome = await this.syncOne(channel, fromGraphTemplate(graphTemplate), actor);
      if (outcome === 'imported') {
        result.imported += 1;
      } else if (outcome === 'updated') {
        result.updated += 1;
      }
    }

    this.logger.log({ channelId: channel.channelId, organizationId: channel.organizationId, correlationId: actor.correlationId, ...result }, 'templates synced');
    return result;
  }

  private async syncOne(channel: OpenChannel, remote: ProviderTemplate, actor: CommandActor): Promise<'imported' | 'updated' | 'unchanged'> {
    const key = templateNameKey(channel.wabaId, remote.name, remote.language);
    const templateId = this.newId();
    const claim: TemplateNameClaim = {
      _id: key,
      templateId,
      organizationId: channel.organizationId,
      channelId: channel.channelId,
      wabaId: channel.wabaId,
      name: remote.name,
      language: remote.language,
      providerTemplateId: remote.providerTemplateId,
      claimedAt: this.clock(),
    };

    const holder = await this.reservation.tryReserve(claim);
    if (holder !== undefined) {
      // The holder's organization owns the stream, even when the sync runs for another organization's channel on the same account.
      return this.updateStatus(holder.templateId, remote, { ...actor, organizationId: holder.organizationId });
    }

    try {
      const events = importTemplate({ templateId, channelId: channel.channelId, wabaId: channel.wabaId, ...remote }, { kind: 'none' }, { now: this.clock() });
      await this.templates.append(templateId, 0, events, actor);
      return 'imported';
    } catch (error) {
      await this.names.release(key, templateId);
      throw error;
    }
  }

  /** Takes over WhatsApp's status for a template known here, as a report made now. */
  private async updateStatus(templateId: string, remote: ProviderTemplate, actor: CommandActor): Promise<'updated' | 'unchanged'> {
    return retryOnConflict(async () => {
      const { state, version } = await this.templates.load(templateId);
      if (state.kind !== 'active') {
        return 'unchanged';
      }
      const reason = remote.status === 'REJECTED' ? (remote.rejectionReason ?? 'NONE') : remote.rejectionReason;
      const events = applyTemplateStatus({ templateId, status: remote.status, ...(reason === undefined ? {} : { reason }), reportedAt: this.clock().toISOString() }, state);
      await this.templates.append(templateId, version, events, actor);
      return events.length > 0 ? 'updated' : 'unchanged';
    });
  }
}
