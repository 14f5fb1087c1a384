import { Inject, Injectable, Logger } from '@nestjs/common';
import type { CommandMessage } from '@regu/contracts';
import { ChannelAccess, type OpenChannel } from '../../../channels/application/channel-access';
import { ChannelIsDisconnected } from '../../../channels/domain/channel.errors';
import { CLOCK, type Clock } from '../../../common/clock';
import { assertExpectedVersion, type OrganizationStreamRepository } from '../../../common/organization-stream.repository';
import { WhatsAppCloudClient } from '../../../provider/whatsapp-cloud.client';
import { WhatsAppAccessTokenError, WhatsAppApiError } from '../../../provider/whatsapp-cloud.errors';
import { deleteTemplate } from '../../domain/template.decide';
import { TemplateNotFound } from '../../domain/template.errors';
import type { TemplateEvent } from '../../domain/template.events';
import type { TemplateSnapshot, TemplateState } from '../../domain/template.evolve';
import { TemplateNames, templateNameKey } from '../../infrastructure/template-names';
import { TEMPLATE_REPOSITORY } from '../../templates.tokens';

/**
 * Deletes a template at WhatsApp and here, and frees its name and language. Deleting a
 * deleted template, or one WhatsApp no longer has, succeeds without changing anything more.
 */
@Injectable()
export class DeleteTemplateHandler {
  private readonly logger = new Logger(DeleteTemplateHandler.name);

  constructor(
    @Inject(TEMPLATE_REPOSITORY) private readonly templates: OrganizationStreamRepository<TemplateState, TemplateEvent>,
    private readonly channels: ChannelAccess,
    private readonly names: TemplateNames,
    private readonly client: WhatsAppCloudClient,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle({ caller, payload, expectedVersion }: CommandMessage<{ templateId: string }>): Promise<{ version: number }> {
    const { templateId } = payload;
    const { state, version } = await this.templates.loadOwned(caller.organizationId, templateId);
    if (state.kind === 'none') {
      throw new TemplateNotFound(templateId);
    }
    if (state.kind === 'deleted') {
      return { version };
    }
    assertExpectedVersion(templateId, expectedVersion, version);

    const { template } = state;
    const channel = await this.openUnlessDisconnected(caller.organizationId, template.channelId);
    if (channel !== undefined) {
      await this.channels.call(channel, caller.correlationId, (accessToken) => this.deleteAtProvider(accessToken, template));
    }

    const events = deleteTemplate({ templateId }, state, { now: this.clock() });
    await this.templates.append(templateId, version, events, caller);
    await this.names.release(templateNameKey(template.wabaId, template.name, template.language), templateId);

    this.logger.log({ templateId, organizationId: caller.organizationId, correlationId: caller.correlationId }, 'template deleted');
    return { version: version + events.length };
  }

  /**
   * A disconnected channel has no token to reach WhatsApp; its templates are deleted
   * here only, since Regu no longer manages that number.
   */
  private async openUnlessDisconnected(organizationId: string, channelId: string): Promise<OpenChannel | undefined> {
    try {
      return await this.channels.open(organizationId, channelId);
    } catch (error) {
      if (error instanceof ChannelIsDisconnected) {
        return undefined;
      }
      throw error;
    }
  }

  private async deleteAtProvider(accessToken: string, template: TemplateSnapshot): Promise<void> {
    try {
      await this.client.deleteTemplate(accessToken, template.wabaId, template.name, template.providerTemplateId);
    } catch (error) {
      if (isTemplateMissing(error)) {
        return;
      }
      throw error;
    }
  }
}

/**
 * WhatsApp answers code 100 with a "not found" text for a template it does not have.
 * NOTE: matched on the text the simulator sends; the live API's wording was not checked.
 */
function isTemplateMissing(error: unknown): boolean {
  // Subcode 33 is an unreachable object, such as the account itself, not a missing template.
  if (!(error instanceof WhatsAppApiError) || error instanceof WhatsAppAccessTokenError || error.code !== 100 || error.subcode === 33) {
    return false;
  }
  const text = [error.userTitle, error.userMessage, error.message].join(' ');
  return /not found|does not exist/i.test(text);
}
