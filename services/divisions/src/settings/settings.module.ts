import { Module } from '@nestjs/common';
import type { Db } from 'mongodb';
import type { SettingsEvent } from '@regu/contracts';
import type { MongoEventStore, OutboxRelay } from '@regu/event-sourcing';
import { EVENT_STORE, EventSourcedRepository, MONGO_DB, OUTBOX_RELAY } from '@regu/service-kit';
import { CONSUMER_GROUP_PREFIX } from '../common/consumer-groups';
import { OrganizationStreamRepository } from '../common/organization-stream.repository';
import { DirectoryModule } from '../directory/directory.module';
import { DivisionsModule } from '../divisions/divisions.module';
import { ChangeBroadcastGrantsHandler } from './application/change-broadcast-grants/change-broadcast-grants.handler';
import { ClearAgentSettingsHandler } from './application/clear-agent-settings/clear-agent-settings.handler';
import { ClearDivisionSettingsHandler } from './application/clear-division-settings/clear-division-settings.handler';
import { GetSettingsHandler } from './application/get-settings/get-settings.handler';
import { ListEffectiveWorkloadLimitsHandler } from './application/list-effective-workload-limits/list-effective-workload-limits.handler';
import { SetAgentWorkloadLimitHandler } from './application/set-agent-workload-limit/set-agent-workload-limit.handler';
import { SetDivisionWorkloadLimitHandler } from './application/set-division-workload-limit/set-division-workload-limit.handler';
import { SetOrganizationWorkloadLimitHandler } from './application/set-organization-workload-limit/set-organization-workload-limit.handler';
import { SETTINGS_REPOSITORY, SETTINGS_STREAM_TYPE } from './application/settings.ports';
import { SettingsCommandRunner } from './application/settings-command.runner';
import { UpdateAllocationSettingsHandler } from './application/update-allocation-settings/update-allocation-settings.handler';
import { SettingsController } from './api/settings.controller';
import { evolveSettings, initialSettingsState, type SettingsState } from './domain/settings.evolve';
import { OrganizationSettingsProjection } from './infrastructure/organization-settings.projection';
import { SettingsDivisionReaction, SettingsUserReaction } from './infrastructure/settings.reactions';

const evolve = (state: SettingsState, event: SettingsEvent): SettingsState => evolveSettings(state, event);

const INFRASTRUCTURE = [
  {
    provide: SETTINGS_REPOSITORY,
    inject: [EVENT_STORE, OUTBOX_RELAY],
    useFactory: (store: MongoEventStore, relay: OutboxRelay) =>
      new OrganizationStreamRepository<SettingsState, SettingsEvent>(
        store,
        new EventSourcedRepository<SettingsState, SettingsEvent>(store, relay, SETTINGS_STREAM_TYPE, () => initialSettingsState, (state, event) =>
          evolve(state, event as unknown as SettingsEvent),
        ),
        () => initialSettingsState,
        evolve,
      ),
  },
  {
    provide: OrganizationSettingsProjection,
    inject: [MONGO_DB, CONSUMER_GROUP_PREFIX],
    useFactory: (db: Db, prefix: string) => new OrganizationSettingsProjection(`${prefix}.organization-settings`, db),
  },
];

const HANDLERS = [
  SettingsCommandRunner,
  GetSettingsHandler,
  UpdateAllocationSettingsHandler,
  SetOrganizationWorkloadLimitHandler,
  SetDivisionWorkloadLimitHandler,
  SetAgentWorkloadLimitHandler,
  ChangeBroadcastGrantsHandler,
  ClearAgentSettingsHandler,
  ClearDivisionSettingsHandler,
  ListEffectiveWorkloadLimitsHandler,
];

const REACTIONS = [
  {
    provide: SettingsUserReaction,
    inject: [MONGO_DB, CONSUMER_GROUP_PREFIX, ClearAgentSettingsHandler],
    useFactory: (db: Db, prefix: string, handler: ClearAgentSettingsHandler) => new SettingsUserReaction(`${prefix}.settings-user-reactions`, db, handler),
  },
  {
    provide: SettingsDivisionReaction,
    inject: [MONGO_DB, CONSUMER_GROUP_PREFIX, ClearDivisionSettingsHandler],
    useFactory: (db: Db, prefix: string, handler: ClearDivisionSettingsHandler) =>
      new SettingsDivisionReaction(`${prefix}.settings-division-reactions`, db, handler),
  },
];

/** Agent allocation, workload and broadcast settings, one stream per organization. */
@Module({
  imports: [DirectoryModule, DivisionsModule],
  controllers: [SettingsController],
  providers: [...INFRASTRUCTURE, ...HANDLERS, ...REACTIONS],
  exports: [OrganizationSettingsProjection, SettingsUserReaction, SettingsDivisionReaction],
})
export class SettingsModule {}
