import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '../../common/clock';
import type { OrganizationStreamRepository } from '../../common/organization-stream.repository';
import { TemplateNameAlreadyUsed } from '../domain/template.errors';
import type { TemplateEvent } from '../domain/template.events';
import type { TemplateState } from '../domain/template.evolve';
import { TemplateNames, type TemplateNameClaim } from '../infrastructure/template-names';
import { TEMPLATE_REPOSITORY } from '../templates.tokens';

/**
 * A claim younger than this may belong to a create that is still waiting for WhatsApp,
 * so it is respected even while its template has no events; an older one was left by a
 * create that failed midway, and is taken over.
 */
export const UNCONFIRMED_TEMPLATE_CLAIM_GRACE_MS = 60_000;

/** Reserves a template name and language in a WhatsApp Business Account, taking over claims whose template is gone. */
@Injectable()
export class TemplateNameReservation {
  constructor(
    private readonly names: TemplateNames,
    @Inject(TEMPLATE_REPOSITORY) private readonly templates: OrganizationStreamRepository<TemplateState, TemplateEvent>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Claims the name for `claim.templateId`, or throws 409 TEMPLATE_NAME_ALREADY_USED while a live template holds it. */
  async reserve(claim: TemplateNameClaim): Promise<void> {
    const holder = await this.tryReserve(claim);
    if (holder !== undefined) {
      throw new TemplateNameAlreadyUsed(claim.name, claim.language);
    }
  }

  /** Like `reserve`, but returns the live holder's claim instead of throwing. */
  async tryReserve(claim: TemplateNameClaim): Promise<TemplateNameClaim | undefined> {
    const outcome = await this.names.claim(claim);
    if (outcome.claimed) {
      return undefined;
    }
    if ((await this.isStale(outcome.holder)) && (await this.names.takeOver(outcome.holder, claim))) {
      return undefined;
    }
    return outcome.holder;
  }

  /** Returns the live holder of a name, if any, without claiming it; for the details check. */
  async holder(key: string): Promise<TemplateNameClaim | undefined> {
    const claim = await this.names.find(key);
    if (claim === null || (await this.isStale(claim))) {
      return undefined;
    }
    return claim;
  }

  private async isStale(holder: TemplateNameClaim): Promise<boolean> {
    const { state } = await this.templates.load(holder.templateId);
    if (state.kind === 'deleted') {
      return true;
    }
    return state.kind === 'none' && this.clock().getTime() - holder.claimedAt.getTime() > UNCONFIRMED_TEMPLATE_CLAIM_GRACE_MS;
  }
}
