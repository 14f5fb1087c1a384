import { Inject, Injectable, Logger } from '@nestjs/common';
import type { CommandMessage, TemplateCategory } from '@regu/contracts';
import { ChannelAccess } from '../../../channels/application/channel-access';
import { CLOCK, ID_GENERATOR, type Clock, type IdGenerator } from '../../../common/clock';
import type { OrganizationStreamRepository } from '../../../common/organization-stream.repository';
import { toGraphComponents, toTemplateStatus } from '../../../provider/template-components';
import { WhatsAppCloudClient } from '../../../provider/whatsapp-cloud.client';
import { WhatsAppApiError } from '../../../provider/whatsapp-cloud.errors';
import { validateTemplateDetails, validateTemplateMessage } from '../../domain/template-rules';
import { createTemplate } from '../../domain/template.decide';
import { assertNoViolations, TemplateNameAlreadyUsed } from '../../domain/template.errors';
import type { TemplateEvent } from '../../domain/template.events';
import { evolveTemplate, INITIAL_TEMPLATE_STATE, type TemplateState } from '../../domain/template.evolve';
import { TemplateNames, templateNameKey } from '../../infrastructure/template-names';
import { TEMPLATE_REPOSITORY } from '../../templates.tokens';
import { TemplateNameReservation } from '../template-name-reservation';
import type { TemplateContentPayload, TemplateDetailsPayload } from '../template.payloads';
import { templateViewFromState, type TemplateView } from '../template.view';

export type CreateTemplatePayload = TemplateDetailsPayload & TemplateContentPayload;

/**
 * Graph API subcode for "a template with this name and language already exists".
 * NOTE: taken from the simulator, which was not checked against the live API either.
 */
const DUPLICATE_TEMPLATE_SUBCODE = 2388024;

/**
 * Submits a template ("Submit"): validates both steps, reserves the name and language
 * in the channel's WhatsApp Business Account, sends the template to WhatsApp for review
 * and appends TemplateCreated with the status WhatsApp returned.
 */
@Injectable()
export class CreateTemplateHandler {
  private readonly logger = new Logger(CreateTemplateHandler.name);

  constructor(
    @Inject(TEMPLATE_REPOSITORY) private readonly templates: OrganizationStreamRepository<TemplateState, TemplateEvent>,
    private readonly channels: ChannelAccess,
    private readonly reservation: TemplateNameReservation,
    private readonly names: TemplateNames,
    private readonly client: WhatsAppCloudClient,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly newId: IdGenerator,
  ) {}

  async handle({ caller, payload }: CommandMessage<CreateTemplatePayload>): Promise<TemplateView> {
    const samples = payload.samples ?? {};
    assertNoViolations([...validateTemplateDetails(payload), ...validateTemplateMessage(payload.message ?? {}, samples, payload.category)]);
    const category = payload.category as TemplateCategory;

    const channel = await this.channels.open(caller.organizationId, payload.channelId);
    const templateId = this.newId();
    const key = templateNameKey(channel.wabaId, payload.name, payload.language);
    await this.reservation.reserve({
      _id: key,
      templateId,
      organizationId: caller.organizationId,
      channelId: channel.channelId,
      wabaId: channel.wabaId,
      name: payload.name,
      language: payload.language,
      claimedAt: this.clock(),
    });

    try {
      const submitted = await this.channels.call(channel, caller.correlationId, (accessToken) =>
        this.submit(accessToken, channel.wabaId, payload, category),
      );
      // Recorded before the append, so a status webhook that overtakes the append finds the template.
      await this.names.setProviderTemplateId(key, templateId, submitted.id);

      const events = createTemplate(
        {
          templateId,
          channelId: channel.channelId,
          wabaId: channel.wabaId,
          providerTemplateId: submitted.id,
          name: payload.name,
          category,
          language: payload.language,
          message: payload.message,
          samples,
          status: toTemplateStatus(submitted.status) ?? 'PENDING',
        },
        INITIAL_TEMPLATE_STATE,
        { now: this.clock() },
      );
      await this.templates.append(templateId, 0, events, caller);

      this.logger.log({ templateId, channelId: channel.channelId, organizationId: caller.organizationId, correlationId: caller.correlationId }, 'template submitted');
      const state = events.reduce<TemplateState>((current, event) => evolveTemplate(current, event), INITIAL_TEMPLATE_STATE);
      return templateViewFromState(templateId, state, events.length);
    } catch (error) {
      await this.names.release(key, templateId);
      throw error;
    }
  }

  private async submit(accessToken: string, wabaId: string, payload: CreateTemplatePayload, category: TemplateCategory) {
    try {
      return await this.client.createTemplate(accessToken, wabaId, {
        name: payload.name,
        language: payload.language,
        category,
        components: toGraphComponents(payload.message, payload.samples ?? {}),
      });
    } catch (error) {
      if (error instanceof WhatsAppApiError && error.subcode === DUPLICATE_TEMPLATE_SUBCODE) {
        // The template exists at WhatsApp but not here; a sync imports it.
        throw new TemplateNameAlreadyUsed(payload.name, payload.language);
      }
      throw error;
    }
  }
}
