import { type DynamicModule, Module } from '@nestjs/common';
import { TOPICS } from '@regu/contracts';
import { createLoggerModule, EventSourcingModule } from '@regu/service-kit';
import { CommonModule } from './common/common.module';
import { DirectoryModule } from './directory/directory.module';
import type { DivisionsEnvironment } from './divisions.environment';
import { DIVISION_STREAM_TYPE } from './divisions/application/division.ports';
import { DivisionsModule } from './divisions/divisions.module';
import { ProjectionsModule } from './projections.module';
import { RoutingModule } from './routing/routing.module';
import { SETTINGS_STREAM_TYPE } from './settings/application/settings.ports';
import { SettingsModule } from './settings/settings.module';

const STREAM_TOPICS: Record<string, string> = {
  [DIVISION_STREAM_TYPE]: TOPICS.divisionsDivision,
  [SETTINGS_STREAM_TYPE]: TOPICS.divisionsSettings,
};

@Module({})
export class AppModule {
  static register(environment: DivisionsEnvironment): DynamicModule {
    return {
      module: AppModule,
      imports: [
        createLoggerModule('divisions', environment.LOG_LEVEL),
        EventSourcingModule.forRoot({
          serviceName: 'divisions',
          databaseName: environment.DIVISIONS_DATABASE_NAME,
          environment,
          topics: Object.values(STREAM_TOPICS),
          topicFor: (streamType) => topicForStreamType(streamType),
        }),
        CommonModule.forRoot(environment.DIVISIONS_CONSUMER_GROUP_PREFIX),
        DirectoryModule,
        DivisionsModule,
        SettingsModule,
        RoutingModule,
        ProjectionsModule,
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
