import { Module } from '@nestjs/common';
import type { Db } from 'mongodb';
import type { DivisionEvent } from '@regu/contracts';
import type { MongoEventStore, OutboxRelay } from '@regu/event-sourcing';
import { EVENT_STORE, EventSourcedRepository, MONGO_DB, OUTBOX_RELAY } from '@regu/service-kit';
import { CLOCK, type Clock } from '../common/clock';
import { CONSUMER_GROUP_PREFIX } from '../common/consumer-groups';
import { OrganizationStreamRepository } from '../common/organization-stream.repository';
import { DirectoryModule } from '../directory/directory.module';
import { DirectoryReadModel } from '../directory/infrastructure/directory.read-model';
import { AddAgentsToDivisionHandler } from './application/add-agents-to-division/add-agents-to-division.handler';
import { CreateDivisionHandler } from './application/create-division/create-division.handler';
import { DeleteDivisionHandler } from './application/delete-division/delete-division.handler';
import { DIVISION_REPOSITORY, DIVISION_STREAM_TYPE, type DivisionRepository } from './application/division.ports';
import { DivisionViewBuilder } from './application/division-view';
import { GetDivisionHandler } from './application/get-division/get-division.handler';
import { ListDivisionsHandler } from './application/list-divisions/list-divisions.handler';
import { RemoveAgentFromDivisionHandler } from './application/remove-agent-from-division/remove-agent-from-division.handler';
import { RemoveDisconnectedChannelHandler } from './application/remove-disconnected-channel/remove-disconnected-channel.handler';
import { RemoveUnavailableUserHandler } from './application/remove-unavailable-user/remove-unavailable-user.handler';
import { UpdateDivisionHandler } from './application/update-division/update-division.handler';
import { DivisionsController } from './api/divisions.controller';
import { evolveDivision, initialDivisionState, type DivisionState } from './domain/division.evolve';
import { DivisionCandidatesFinder } from './infrastructure/division-candidates.finder';
import { DivisionListProjection } from './infrastructure/division-list.projection';
import { DivisionListReadModel } from './infrastructure/division-list.read-model';
import { DivisionNameClaims } from './infrastructure/division-name-claims';
import { DivisionChannelReaction, DivisionUserReaction } from './infrastructure/division.reactions';

const evolve = (state: DivisionState, event: DivisionEvent): DivisionState => evolveDivision(state, event);

const INFRASTRUCTURE = [
  {
    provide: DIVISION_REPOSITORY,
    inject: [EVENT_STORE, OUTBOX_RELAY],
    useFactory: (store: MongoEventStore, relay: OutboxRelay) =>
      new OrganizationStreamRepository<DivisionState, DivisionEvent>(
        store,
        new EventSourcedRepository<DivisionState, DivisionEvent>(store, relay, DIVISION_STREAM_TYPE, () => initialDivisionState, (state, event) =>
          evolve(state, event as unknown as DivisionEvent),
        ),
        () => initialDivisionState,
        evolve,
      ),
  },
  {
    provide: DivisionListProjection,
    inject: [MONGO_DB, CONSUMER_GROUP_PREFIX],
    useFactory: (db: Db, prefix: string) => new DivisionListProjection(`${prefix}.division-list`, db),
  },
  {
    provide: DivisionListReadModel,
    inject: [DivisionListProjection],
    useFactory: (projection: DivisionListProjection) => new DivisionListReadModel(projection.collection),
  },
  {
    provide: DivisionNameClaims,
    inject: [MONGO_DB, DIVISION_REPOSITORY, CLOCK],
    useFactory: (db: Db, repository: DivisionRepository, clock: Clock) =>
      new DivisionNameClaims(db, async (organizationId, divisionId) => (await repository.load(organizationId, divisionId)).state, clock),
  },
  { provide: DivisionCandidatesFinder, inject: [EVENT_STORE], useFactory: (store: MongoEventStore) => new DivisionCandidatesFinder(store) },
  { provide: DivisionViewBuilder, inject: [DirectoryReadModel], useFactory: (directory: DirectoryReadModel) => new DivisionViewBuilder(directory) },
];

const HANDLERS = [
  CreateDivisionHandler,
  UpdateDivisionHandler,
  AddAgentsToDivisionHandler,
  RemoveAgentFromDivisionHandler,
  DeleteDivisionHandler,
  GetDivisionHandler,
  ListDivisionsHandler,
  RemoveUnavailableUserHandler,
  RemoveDisconnectedChannelHandler,
];

const REACTIONS = [
  {
    provide: DivisionUserReaction,
    inject: [MONGO_DB, CONSUMER_GROUP_PREFIX, RemoveUnavailableUserHandler],
    useFactory: (db: Db, prefix: string, handler: RemoveUnavailableUserHandler) => new DivisionUserReaction(`${prefix}.division-user-reactions`, db, handler),
  },
  {
    provide: DivisionChannelReaction,
    inject: [MONGO_DB, CONSUMER_GROUP_PREFIX, RemoveDisconnectedChannelHandler],
    useFactory: (db: Db, prefix: string, handler: RemoveDisconnectedChannelHandler) =>
      new DivisionChannelReaction(`${prefix}.division-channel-reactions`, db, handler),
  },
];

/** Divisions: their commands and queries, the division list projection and the reactions to identity and whatsapp. */
@Module({
  imports: [DirectoryModule],
  controllers: [DivisionsController],
  providers: [...INFRASTRUCTURE, ...HANDLERS, ...REACTIONS],
  exports: [DIVISION_REPOSITORY, DivisionListProjection, DivisionListReadModel, DivisionCandidatesFinder, DivisionUserReaction, DivisionChannelReaction],
})
export class DivisionsModule {}
