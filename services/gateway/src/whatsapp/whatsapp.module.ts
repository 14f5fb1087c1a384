import { Module } from '@nestjs/common';
import { WhatsAppChannelsController } from './channels.controller';
import { WhatsAppTemplatesController } from './templates.controller';

/** REST routes of the WhatsApp integration: /channels/whatsapp and /templates. */
@Module({
  controllers: [WhatsAppChannelsController, WhatsAppTemplatesController],
})
export class WhatsAppModule {}
