import { Module } from '@nestjs/common';
import { TemplatesModule } from '../templates/templates.module';
import { WhatsAppWebhookController } from './api/whatsapp-webhook.controller';

/** Meta's webhook endpoint, /webhooks/whatsapp on the service's HTTP port. */
@Module({
  imports: [TemplatesModule],
  controllers: [WhatsAppWebhookController],
})
export class WebhooksModule {}
