import { Inject, Injectable, Logger } from '@nestjs/common';
import type { CommandMessage, TemplateCategory } from '@regu/contracts';
import { ChannelAccess } from '../../../channels/application/channel-access';
import { CLOCK, type Clock } from '../../../common/clock';
import { assertExpectedVersion, type OrganizationStreamRepository } from '../../../common/organization-stream.repository';
import { toGraphComponents } from '../../../provider/template-components';
import { WhatsAppCloudClient } from '../../../provider/whatsapp-cloud.client';
import { editTemplate } from '../../domain/template.decide';
import { TemplateNotFound } from '../../domain/template.errors';
import type { TemplateEvent } from '../../domain/template.events';
import { evolveTemplate, type TemplateState } from '../../domain/template.evolve';
import { TEMPLATE_REPOSITORY } from '../../templates.tokens';
import type { TemplateContentPayload } from '../template.payloads';
import { templateViewFromState, type TemplateView } from '../template.view';

export interface EditTemplatePayload extends TemplateContentPayload {
  templateId: string;
  /** Leave out to keep the category; an APPROVED template cannot change it. */
  category?: TemplateCategory;
}

/**
 * Edits a template in a status WhatsApp allows (APPROVED, REJECTED, PAUSED): the rules
 * run first, then WhatsApp gets the edit, then TemplateEdited puts the template back to
 * PENDING for review.
 */
@Injectable()
export class EditTemplateHandler {
  private readonly logger = new Logger(EditTemplateHandler.name);

  constructor(
    @Inject(TEMPLATE_REPOSITORY) private readonly templates: OrganizationStreamRepository<TemplateState, TemplateEvent>,
    private readonly channels: ChannelAccess,
    private readonly client: WhatsAppCloudClient,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle({ caller, payload, expectedVersion }: CommandMessage<EditTemplatePayload>): Promise<TemplateView> {
    const { templateId } = payload;
    const { state, version } = await this.templates.loadOwned(caller.organizationId, templateId);
    if (state.kind === 'none') {
      throw new TemplateNotFound(templateId);
    }
    assertExpectedVersion(templateId, expectedVersion, version);

    const samples = payload.samples ?? {};
    const events = editTemplate({ templateId, category: payload.category, message: payload.message, samples }, state, { now: this.clock() });
    if (events.length === 0 || state.kind !== 'active') {
      return templateViewFromState(templateId, state, version);
    }

    const { template } = state;
    const edit = events[0].data;
    const channel = await this.channels.open(caller.organizationId, template.channelId);
    await this.channels.call(channel, caller.correlationId, (accessToken) =>
      this.client.editTemplate(accessToken, template.providerTemplateId, {
        ...(edit.category === template.category ? {} : { category: edit.category }),
        components: toGraphComponents(edit.message, edit.samples),
      }),
    );
    await this.templates.append(templateId, version, events, caller);

    this.logger.log({ templateId, organizationId: caller.organizationId, correlationId: caller.correlationId, previousStatus: edit.previousStatus }, 'template edited');
    const next = events.reduce<TemplateState>((current, event) => evolveTemplate(current, event), state);
    return templateViewFromState(templateId, next, version + events.length);
  }
}
