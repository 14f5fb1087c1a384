import { Inject, Module, type OnApplicationBootstrap } from '@nestjs/common';
import type { Db } from 'mongodb';
import type { MongoEventStore, OutboxRelay } from '@regu/event-sourcing';
import { EventSourcedRepository, EVENT_STORE, MONGO_DB, OUTBOX_RELAY, ProjectionHost } from '@regu/service-kit';
import { ChannelsModule } from '../channels/channels.module';
import { OrganizationStreamRepository } from '../common/organization-stream.repository';
import { CONSUMER_GROUP_PREFIX } from '../common/common.module';
import { TemplatesController } from './api/templates.controller';
import { ApplyTemplateStatusHandler } from './application/apply-template-status/apply-template-status.handler';
import { CheckTemplateDetailsHandler } from './application/check-template-details/check-template-details.handler';
import { CreateTemplateHandler } from './application/create-template/create-template.handler';
import { DeleteTemplateHandler } from './application/delete-template/delete-template.handler';
import { EditTemplateHandler } from './application/edit-template/edit-template.handler';
import { GetTemplateHandler } from './application/get-template/get-template.handler';
import { ListTemplatesHandler } from './application/list-templates/list-templates.handler';
import { PreviewTemplateHandler } from './application/preview-template/preview-template.handler';
import { SyncTemplatesHandler } from './application/sync-templates/sync-templates.handler';
import { TemplateNameReservation } from './application/template-name-reservation';
import type { TemplateEvent } from './domain/template.events';
import { evolveTemplate, INITIAL_TEMPLATE_STATE, type TemplateState } from './domain/template.evolve';
import { TEMPLATE_LIST_COLLECTION, TemplateListProjection } from './infrastructure/template-list.projection';
import { TemplateNames } from './infrastructure/template-names';
import { TEMPLATE_REPOSITORY } from './templates.tokens';

const INFRASTRUCTURE = [
  {
    provide: TEMPLATE_REPOSITORY,
    inject: [EVENT_STORE, OUTBOX_RELAY],
    useFactory: (store: MongoEventStore, relay: OutboxRelay) =>
      new OrganizationStreamRepository<TemplateState, TemplateEvent>(
        store,
        new EventSourcedRepository<TemplateState, TemplateEvent>(store, relay, 'template', () => INITIAL_TEMPLATE_STATE, (state, event) => evolveTemplate(state, event as unknown as TemplateEvent)),
        () => INITIAL_TEMPLATE_STATE,
        evolveTemplate,
      ),
  },
  { provide: TemplateNames, inject: [MONGO_DB], useFactory: (db: Db) => new TemplateNames(db) },
  {
    provide: TemplateListProjection,
    inject: [MONGO_DB, CONSUMER_GROUP_PREFIX],
    useFactory: (db: Db, consumerGroupPrefix: string) => new TemplateListProjection(db, TEMPLATE_LIST_COLLECTION, consumerGroupPrefix),
  },
];

const HANDLERS = [
  TemplateNameReservation,
  CheckTemplateDetailsHandler,
  PreviewTemplateHandler,
  CreateTemplateHandler,
  EditTemplateHandler,
  DeleteTemplateHandler,
  SyncTemplatesHandler,
  ApplyTemplateStatusHandler,
  ListTemplatesHandler,
  GetTemplateHandler,
];

/** Message templates: the two creation steps, preview, edit, delete, sync, list, and statuses from webhooks. */
@Module({
  imports: [ChannelsModule],
  controllers: [TemplatesController],
  providers: [...INFRASTRUCTURE, ...HANDLERS],
  exports: [ApplyTemplateStatusHandler],
})
export class TemplatesModule implements OnApplicationBootstrap {
  constructor(
    @Inject(TemplateNames) private readonly names: TemplateNames,
    @Inject(TemplateListProjection) private readonly projection: TemplateListProjection,
    @Inject(ProjectionHost) private readonly projections: ProjectionHost,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.names.ensureIndexes();
    await this.projection.ensureIndexes();
    await this.projections.start([this.projection]);
  }
}
