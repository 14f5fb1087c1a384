import { type DynamicModule, Module } from '@nestjs/common';
import { TOPICS } from '@regu/contracts';
import { createLoggerModule, EventSourcingModule } from '@regu/service-kit';
import { ChannelsModule } from './channels/channels.module';
import { CommonModule } from './common/common.module';
import { ProviderModule } from './provider/provider.module';
import { TemplatesModule } from './templates/templates.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import type { WhatsAppEnvironment } from './whatsapp.environment';

/** Feature modules, each owning its folder under src/. */
const FEATURE_MODULES = [ChannelsModule, TemplatesModule, WebhooksModule];

const STREAM_TOPICS: Record<string, string> = {
  channel: TOPICS.whatsappChannel,
  template: TOPICS.whatsappTemplate,
};

/** Overrides for integration tests, which need their own database and consumer groups. */
export interface AppModuleOptions {
  databaseName?: string;
  /** Prefix of the projections' consumer groups, `whatsapp` unless a test sets its own. */
  consumerGroupPrefix?: string;
}

@Module({})
export class AppModule {
  static register(environment: WhatsAppEnvironment, options: AppModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        createLoggerModule('whatsapp', environment.LOG_LEVEL),
        EventSourcingModule.forRoot({
          serviceName: 'whatsapp',
          databaseName: options.databaseName ?? 'regu_whatsapp',
          environment,
          topics: Object.values(STREAM_TOPICS),
          topicFor: (streamType) => topicForStreamType(streamType),
        }),
        CommonModule.register(options.consumerGroupPrefix ?? 'whatsapp'),
        ProviderModule,
        ...FEATURE_MODULES,
      ],
    };
  }
}

function topicForStreamType(streamType: string): string {
  const topic = STREAM_TOPICS[streamType];
  if (topic === undefined) {
    throw new Error(`No topic for stream type "${streamType}"`);
  }
  return topic;
}
