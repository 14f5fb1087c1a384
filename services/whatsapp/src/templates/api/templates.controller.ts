import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { CommandMessage } from '@regu/contracts';
import { CheckTemplateDetailsHandler } from '../application/check-template-details/check-template-details.handler';
import { CreateTemplateHandler, type CreateTemplatePayload } from '../application/create-template/create-template.handler';
import { DeleteTemplateHandler } from '../application/delete-template/delete-template.handler';
import { EditTemplateHandler, type EditTemplatePayload } from '../application/edit-template/edit-template.handler';
import { GetTemplateHandler } from '../application/get-template/get-template.handler';
import { ListTemplatesHandler, type ListTemplatesQuery } from '../application/list-templates/list-templates.handler';
import { PreviewTemplateHandler } from '../application/preview-template/preview-template.handler';
import { SyncTemplatesHandler } from '../application/sync-templates/sync-templates.handler';
import type { TemplateContentPayload, TemplateDetailsPayload } from '../application/template.payloads';

/** The template commands and queries the gateway sends over TCP. */
@Controller()
export class TemplatesController {
  constructor(
    private readonly checkDetails: CheckTemplateDetailsHandler,
    private readonly previewTemplate: PreviewTemplateHandler,
    private readonly createTemplate: CreateTemplateHandler,
    private readonly editTemplate: EditTemplateHandler,
    private readonly deleteTemplate: DeleteTemplateHandler,
    private readonly syncTemplates: SyncTemplatesHandler,
    private readonly listTemplates: ListTemplatesHandler,
    private readonly getTemplate: GetTemplateHandler,
  ) {}

  @MessagePattern('whatsapp.check-template-details')
  check(@Payload() message: CommandMessage<TemplateDetailsPayload>) {
    return this.checkDetails.handle(message);
  }

  @MessagePattern('whatsapp.preview-template')
  preview(@Payload() message: CommandMessage<Partial<TemplateContentPayload>>) {
    return this.previewTemplate.handle(message);
  }

  @MessagePattern('whatsapp.create-template')
  create(@Payload() message: CommandMessage<CreateTemplatePayload>) {
    return this.createTemplate.handle(message);
  }

  @MessagePattern('whatsapp.edit-template')
  edit(@Payload() message: CommandMessage<EditTemplatePayload>) {
    return this.editTemplate.handle(message);
  }

  @MessagePattern('whatsapp.delete-template')
  delete(@Payload() message: CommandMessage<{ templateId: string }>) {
    return this.deleteTemplate.handle(message);
  }

  @MessagePattern('whatsapp.sync-templates')
  sync(@Payload() message: CommandMessage<{ channelId: string }>) {
    return this.syncTemplates.handle(message);
  }

  @MessagePattern('whatsapp.list-templates')
  list(@Payload() message: CommandMessage<ListTemplatesQuery>) {
    return this.listTemplates.handle(message);
  }

  @MessagePattern('whatsapp.get-template')
  get(@Payload() message: CommandMessage<{ templateId: string }>) {
    return this.getTemplate.handle(message);
  }
}
