import { Inject, Injectable } from '@nestjs/common';
import type { CommandMessage } from '@regu/contracts';
import type { OrganizationStreamRepository } from '../../../common/organization-stream.repository';
import type { TemplateEvent } from '../../domain/template.events';
import type { TemplateState } from '../../domain/template.evolve';
import { TEMPLATE_REPOSITORY } from '../../templates.tokens';
import { templateViewFromState, type TemplateView } from '../template.view';

/**
 * Returns one template for editing, from its event stream so the admin sees a change
 * right after making it. Deleted, unknown and other organizations' templates are 404.
 */
@Injectable()
export class GetTemplateHandler {
  constructor(@Inject(TEMPLATE_REPOSITORY) private readonly templates: OrganizationStreamRepository<TemplateState, TemplateEvent>) {}

  async handle({ caller, payload }: CommandMessage<{ templateId: string }>): Promise<TemplateView> {
    const { state, version } = await this.templates.loadOwned(caller.organizationId, payload.templateId);
    return templateViewFromState(payload.templateId, state, version);
  }
}
