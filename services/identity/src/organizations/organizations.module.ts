import { Inject, Logger, Module, type OnApplicationBootstrap, type Provider } from '@nestjs/common';
import type { OrganizationEvent } from '@regu/contracts';
import type { MongoEventStore, OutboxRelay } from '@regu/event-sourcing';
import { EVENT_STORE, EventSourcedRepository, OUTBOX_RELAY, SERVICE_ENVIRONMENT } from '@regu/service-kit';
import type { IdentityEnvironment } from '../identity.environment';
import { ID_GENERATOR, ORGANIZATION_REPOSITORY } from '../identity.tokens';
import type { NewUserDependencies } from '../users/application/new-user';
import { NEW_USER_DEPENDENCIES } from '../users/application/new-user.token';
import { UsersModule } from '../users/users.module';
import { OrganizationsController } from './api/organizations.controller';
import { BootstrapOrganization } from './application/bootstrap/bootstrap-organization';
import { CreateOrganizationHandler, type OrganizationStreams } from './application/create-organization/create-organization.handler';
import { ORGANIZATION_STREAM_TYPE } from './domain/organization.events';
import { evolveOrganization } from './domain/organization.evolve';
import { INITIAL_ORGANIZATION_STATE, type OrganizationState } from './domain/organization.state';

const PROVIDERS: Provider[] = [
  {
    provide: ORGANIZATION_REPOSITORY,
    inject: [EVENT_STORE, OUTBOX_RELAY],
    useFactory: (store: MongoEventStore, relay: OutboxRelay) =>
      new EventSourcedRepository<OrganizationState, OrganizationEvent>(store, relay, ORGANIZATION_STREAM_TYPE, () => INITIAL_ORGANIZATION_STATE, (state, event) =>
        evolveOrganization(state, event as unknown as OrganizationEvent),
      ),
  },
  {
    provide: CreateOrganizationHandler,
    inject: [ORGANIZATION_REPOSITORY, NEW_USER_DEPENDENCIES, ID_GENERATOR],
    useFactory: (organizations: OrganizationStreams, newUsers: NewUserDependencies, newId: () => string) => new CreateOrganizationHandler(organizations, newUsers, newId),
  },
  {
    provide: BootstrapOrganization,
    inject: [ORGANIZATION_REPOSITORY, CreateOrganizationHandler],
    useFactory: (organizations: OrganizationStreams, create: CreateOrganizationHandler) => new BootstrapOrganization(organizations, create),
  },
];

/** Organizations: the bootstrap organization on start, and further ones over TCP. */
@Module({
  imports: [UsersModule],
  controllers: [OrganizationsController],
  providers: PROVIDERS,
})
export class OrganizationsModule implements OnApplicationBootstrap {
  private readonly logger = new Logger(OrganizationsModule.name);

  constructor(
    private readonly bootstrap: BootstrapOrganization,
    @Inject(SERVICE_ENVIRONMENT) private readonly environment: IdentityEnvironment,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const organization = await this.bootstrap.run({
      organizationName: this.environment.BOOTSTRAP_ORGANIZATION_NAME,
      adminEmail: this.environment.BOOTSTRAP_ADMIN_EMAIL,
      adminPassword: this.environment.BOOTSTRAP_ADMIN_PASSWORD,
    });
    this.logger.log({ organizationId: organization.organizationId, adminUserId: organization.admin.id }, 'bootstrap organization ready');
  }
}
