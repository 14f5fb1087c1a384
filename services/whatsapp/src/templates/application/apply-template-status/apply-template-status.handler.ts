import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError } from '@regu/contracts';
import { ChannelAccess } from '../../../channels/application/channel-access';
import { PhoneNumberClaims } from '../../../channels/infrastructure/phone-number-claims';
import { retryOnConflict, type OrganizationStreamRepository } from '../../../common/organization-stream.repository';
import { systemActor } from '../../../common/system-actor';
import { toTemplateStatus } from '../../../provider/template-components';
import { applyTemplateStatus } from '../../domain/template.decide';
import type { TemplateEvent } from '../../domain/template.events';
import type { TemplateState } from '../../domain/template.evolve';
import { TemplateNames, templateNameKey, type TemplateNameClaim } from '../../infrastructure/template-names';
import { TEMPLATE_REPOSITORY } from '../../templates.tokens';
import { SyncTemplatesHandler } from '../sync-templates/sync-templates.handler';

/** One `message_template_status_update` change of a webhook, in the fields Regu uses. */
export interface TemplateStatusUpdate {
  /** The WhatsApp Business Account: the webhook entry's `id`. */
  wabaId: string;
  providerTemplateId: string;
  name?: string;
  language?: string;
  /** Meta's event name, such as APPROVED, REJECTED or REINSTATED. */
  event: string;
  reason?: string;
  /** The entry's `time`, as ISO 8601. */
  reportedAt: string;
  /** Ties the events of one webhook delivery together in the logs. */
  correlationId: string;
}

export type StatusUpdateOutcome = 'applied' | 'unchanged' | 'ignored' | 'unknown-account';

/** The template's create has not reached the event store yet; WhatsApp delivers the webhook again (503). */
export class TemplateNotStoredYet extends DomainError {
  constructor(templateId: string) {
    super('TEMPLATE_NOT_STORED_YET', 503, `The template ${templateId} is still being stored; deliver the update again.`, { templateId });
  }
}

/**
 * Applies a template status webhook. Redeliveries and older reports change nothing. A
 * template unknown here is imported first by syncing an account's connected channel,
 * found by the entry's account id, so the update needs no phone-number metadata.
 */
@Injectable()
export class ApplyTemplateStatusHandler {
  private readonly logger = new Logger(ApplyTemplateStatusHandler.name);

  constructor(
    @Inject(TEMPLATE_REPOSITORY) private readonly templates: OrganizationStreamRepository<TemplateState, TemplateEvent>,
    private readonly names: TemplateNames,
    private readonly phoneNumbers: PhoneNumberClaims,
    private readonly channels: ChannelAccess,
    private readonly sync: SyncTemplatesHandler,
  ) {}

  async handle(update: TemplateStatusUpdate): Promise<StatusUpdateOutcome> {
    const fields = { wabaId: update.wabaId, providerTemplateId: update.providerTemplateId, event: update.event, correlationId: update.correlationId };
    const status = toTemplateStatus(update.event);
    if (status === undefined) {
      this.logger.log(fields, 'template webhook event changes no status; ignored');
      return 'ignored';
    }

    let claim = await this.findClaim(update);
    if (claim === null) {
      const synced = await this.syncAccount(update);
      if (!synced) {
        this.logger.warn(fields, 'template status update for an account with no connected channel; ignored');
        return 'unknown-account';
      }
      claim = await this.findClaim(update);
      if (claim === null) {
        this.logger.warn(fields, 'template status update for a template WhatsApp did not list; ignored');
        return 'ignored';
      }
    }

    const templateId = claim.templateId;
    const actor = systemActor(claim.organizationId, update.correlationId);
    const outcome = await retryOnConflict(async () => {
      const { state, version } = await this.templates.load(templateId);
      if (state.kind === 'none') {
        throw new TemplateNotStoredYet(templateId);
      }
      const reason = status === 'REJECTED' || (update.reason !== undefined && update.reason !== 'NONE') ? update.reason : undefined;
      const events = applyTemplateStatus({ templateId, status, ...(reason === undefined ? {} : { reason }), reportedAt: update.reportedAt }, state);
      await this.templates.append(templateId, version, events, actor);
      return events.length > 0 ? 'applied' : 'unchanged';
    });

    this.logger.log({ ...fields, templateId, organizationId: claim.organizationId, status, outcome }, 'template status update handled');
    return outcome;
  }

  private async findClaim(update: TemplateStatusUpdate): Promise<TemplateNameClaim | null> {
    const byId = await this.names.findByProviderTemplateId(update.wabaId, update.providerTemplateId);
    if (byId !== null || update.name === undefined || update.language === undefined) {
      return byId;
    }
    return this.names.find(templateNameKey(update.wabaId, update.name, update.language));
  }

  /** Syncs the first connected channel of the account that still has a working token; false when there is none. */
  private async syncAccount(update: TemplateStatusUpdate): Promise<boolean> {
    for (const holder of await this.phoneNumbers.findByWaba(update.wabaId)) {
      try {
        const channel = await this.channels.open(holder.organizationId, holder.channelId);
        await this.sync.syncChannel(channel, systemActor(holder.organizationId, update.correlationId));
        return true;
      } catch (error) {
        if (!(error instanceof DomainError)) {
          throw error;
        }
        this.logger.warn({ channelId: holder.channelId, code: error.code, correlationId: update.correlationId }, 'could not sync templates through this channel; trying the next');
      }
    }
    return false;
  }
}
