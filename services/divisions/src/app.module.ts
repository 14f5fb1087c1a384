import { type DynamicModule, Module } from '@nestjs/common';
import { TOPICS } from '@regu/contracts';
import { createLoggerModule, EventSourcingModule } from '@regu/service-kit';
import type { DivisionsEnvironment } from './divisions.environment';

const STREAM_TOPICS: Record<string, string> = {
  division: TOPICS.divisionsDivision,
  settings: TOPICS.divisionsSettings,
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
          databaseName: 'regu_divisions',
          environment,
          topics: Object.values(STREAM_TOPICS),
          topicFor: (streamType) => topicForStreamType(streamType),
        }),
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
