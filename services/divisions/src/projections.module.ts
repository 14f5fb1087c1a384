import { Inject, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Db } from 'mongodb';
import type { Kafka } from 'kafkajs';
import { KAFKA, MONGO_DB, ProjectionHost, SERVICE_ENVIRONMENT, type ServiceEnvironment } from '@regu/service-kit';
import { DirectoryModule } from './directory/directory.module';
import { ChannelDirectoryProjection } from './directory/infrastructure/channel-directory.projection';
import { UserDirectoryProjection } from './directory/infrastructure/user-directory.projection';
import { DivisionsModule } from './divisions/divisions.module';
import { DivisionCandidatesFinder } from './divisions/infrastructure/division-candidates.finder';
import { DivisionListProjection } from './divisions/infrastructure/division-list.projection';
import { DivisionChannelReaction, DivisionUserReaction } from './divisions/infrastructure/division.reactions';
import { OrganizationSettingsProjection } from './settings/infrastructure/organization-settings.projection';
import { SettingsDivisionReaction, SettingsUserReaction } from './settings/infrastructure/settings.reactions';
import { SettingsModule } from './settings/settings.module';

/**
 * Runs every projection and reaction of the service as its own Kafka consumer group
 * once the application has booted, after creating the indexes their queries use.
 */
@Module({
  imports: [DirectoryModule, DivisionsModule, SettingsModule],
})
export class ProjectionsModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly host: ProjectionHost;

  constructor(
    @Inject(KAFKA) kafka: Kafka,
    @Inject(MONGO_DB) db: Db,
    @Inject(SERVICE_ENVIRONMENT) environment: ServiceEnvironment,
    @Inject(UserDirectoryProjection) private readonly users: UserDirectoryProjection,
    @Inject(ChannelDirectoryProjection) private readonly channels: ChannelDirectoryProjection,
    @Inject(DivisionListProjection) private readonly divisionList: DivisionListProjection,
    @Inject(OrganizationSettingsProjection) private readonly settings: OrganizationSettingsProjection,
    @Inject(DivisionUserReaction) private readonly divisionUserReaction: DivisionUserReaction,
    @Inject(DivisionChannelReaction) private readonly divisionChannelReaction: DivisionChannelReaction,
    @Inject(SettingsUserReaction) private readonly settingsUserReaction: SettingsUserReaction,
    @Inject(SettingsDivisionReaction) private readonly settingsDivisionReaction: SettingsDivisionReaction,
    @Inject(DivisionCandidatesFinder) private readonly candidates: DivisionCandidatesFinder,
  ) {
    this.host = new ProjectionHost(kafka, db, environment);
  }

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all([this.users.ensureIndexes(), this.channels.ensureIndexes(), this.divisionList.ensureIndexes(), this.candidates.ensureIndexes()]);
    await this.host.start([
      this.users,
      this.channels,
      this.divisionList,
      this.settings,
      this.divisionUserReaction,
      this.divisionChannelReaction,
      this.settingsUserReaction,
      this.settingsDivisionReaction,
    ]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.host.stop();
  }
}
