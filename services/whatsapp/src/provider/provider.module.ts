import { Global, Logger, Module } from '@nestjs/common';
import { SERVICE_ENVIRONMENT } from '@regu/service-kit';
import type { WhatsAppEnvironment } from '../whatsapp.environment';
import { WhatsAppCloudClient } from './whatsapp-cloud.client';

/** Provides the WhatsApp Cloud API client configured from the environment. */
@Global()
@Module({
  providers: [
    {
      provide: WhatsAppCloudClient,
      inject: [SERVICE_ENVIRONMENT],
      useFactory: (environment: WhatsAppEnvironment) => {
        const logger = new Logger(WhatsAppCloudClient.name);
        return new WhatsAppCloudClient({
          baseUrl: environment.WHATSAPP_API_BASE_URL,
          apiVersion: environment.WHATSAPP_API_VERSION,
          timeoutMs: environment.WHATSAPP_API_TIMEOUT_MS,
          maxRetries: environment.WHATSAPP_API_MAX_RETRIES,
          onRetry: (retry) => logger.warn(retry, 'retrying a WhatsApp Cloud API call'),
        });
      },
    },
  ],
  exports: [WhatsAppCloudClient],
})
export class ProviderModule {}
