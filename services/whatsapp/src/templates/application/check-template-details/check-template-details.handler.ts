import { Injectable } from '@nestjs/common';
import type { CommandMessage } from '@regu/contracts';
import { ChannelAccess } from '../../../channels/application/channel-access';
import { validateTemplateDetails } from '../../domain/template-rules';
import { assertNoViolations, TemplateNameAlreadyUsed } from '../../domain/template.errors';
import { templateNameKey } from '../../infrastructure/template-names';
import { TemplateNameReservation } from '../template-name-reservation';
import type { TemplateDetailsPayload } from '../template.payloads';

/**
 * Checks the details step on its own ("Next"): WhatsApp's rules for name, category and
 * language, a connected channel of the organization, and a free name and language in
 * its WhatsApp Business Account. Reserves nothing; "Submit" checks again.
 */
@Injectable()
export class CheckTemplateDetailsHandler {
  constructor(
    private readonly channels: ChannelAccess,
    private readonly reservation: TemplateNameReservation,
  ) {}

  async handle({ caller, payload }: CommandMessage<TemplateDetailsPayload>): Promise<{ valid: true }> {
    assertNoViolations(validateTemplateDetails(payload));

    const channel = await this.channels.open(caller.organizationId, payload.channelId);
    const holder = await this.reservation.holder(templateNameKey(channel.wabaId, payload.name, payload.language));
    if (holder !== undefined) {
      throw new TemplateNameAlreadyUsed(payload.name, payload.language);
    }
    return { valid: true };
  }
}
