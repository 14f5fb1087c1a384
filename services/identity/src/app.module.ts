import { type DynamicModule, Module } from '@nestjs/common';
import { TOPICS } from '@regu/contracts';
import { createLoggerModule, EventSourcingModule } from '@regu/service-kit';
import { AuthModule } from './auth/auth.module';
import type { IdentityEnvironment } from './identity.environment';
import { OrganizationsModule } from './organizations/organizations.module';
import { UsersModule } from './users/users.module';

const STREAM_TOPICS: Record<string, string> = {
  organization: TOPICS.identityOrganization,
  user: TOPICS.identityUser,
};

@Module({})
export class AppModule {
  static register(environment: IdentityEnvironment): DynamicModule {
    return {
      module: AppModule,
      imports: [
        createLoggerModule('identity', environment.LOG_LEVEL),
        EventSourcingModule.forRoot({
          serviceName: 'identity',
          databaseName: environment.IDENTITY_DATABASE_NAME,
          environment,
          topics: Object.values(STREAM_TOPICS),
          topicFor: (streamType) => topicForStreamType(streamType),
        }),
        UsersModule,
        AuthModule,
        OrganizationsModule,
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
