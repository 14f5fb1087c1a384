import { randomUUID } from 'node:crypto';
import { Inject, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import type { Db } from 'mongodb';
import type { Kafka } from 'kafkajs';
import type { UserEvent } from '@regu/contracts';
import { type MongoEventStore, type OutboxRelay, ProjectionRunner } from '@regu/event-sourcing';
import { EVENT_STORE, EventSourcedRepository, KAFKA, MONGO_DB, nestLoggerAdapter, OUTBOX_RELAY, SERVICE_ENVIRONMENT } from '@regu/service-kit';
import { systemClock, type Clock } from '../auth/clock';
import { MongoRefreshTokenRepository } from '../auth/infrastructure/mongo-refresh-token.repository';
import { Argon2PasswordHasher, type PasswordHasher } from '../auth/password-hasher';
import { PasswordPolicy } from '../auth/password-policy';
import { RefreshTokenService } from '../auth/refresh-token.service';
import type { IdentityEnvironment } from '../identity.environment';
import { CLOCK, CREDENTIALS_REPOSITORY, EMAIL_CLAIMS_REPOSITORY, ID_GENERATOR, PASSWORD_HASHER, REFRESH_TOKEN_REPOSITORY, USER_REPOSITORY, USERS_READ_MODEL } from '../identity.tokens';
import { UsersController } from './api/users.controller';
import { ChangePasswordHandler } from './application/change-password/change-password.handler';
import { ChangeUserRoleHandler } from './application/change-user-role/change-user-role.handler';
import { DeactivateUserHandler } from './application/deactivate-user/deactivate-user.handler';
import { DeleteUserHandler } from './application/delete-user/delete-user.handler';
import { EditUserProfileHandler } from './application/edit-user-profile/edit-user-profile.handler';
import { EmailReservation } from './application/email-reservation';
import { GetUserHandler } from './application/get-user/get-user.handler';
import { ListUsersHandler } from './application/list-users/list-users.handler';
import { NEW_USER_DEPENDENCIES } from './application/new-user.token';
import type { NewUserDependencies } from './application/new-user';
import type { CredentialsRepository, UserStreams } from './application/ports';
import { ReactivateUserHandler } from './application/reactivate-user/reactivate-user.handler';
import { RegisterUserHandler } from './application/register-user/register-user.handler';
import { evolveUser } from './domain/user.evolve';
import { USER_STREAM_TYPE } from './domain/user.events';
import { INITIAL_USER_STATE, type UserState } from './domain/user.state';
import { MongoCredentialsRepository } from './infrastructure/mongo-credentials.repository';
import { MongoEmailClaimsRepository } from './infrastructure/mongo-email-claims.repository';
import { UsersProjection } from './infrastructure/users.projection';

const INFRASTRUCTURE: Provider[] = [
  { provide: CLOCK, useValue: systemClock },
  { provide: ID_GENERATOR, useValue: randomUUID },
  {
    provide: USER_REPOSITORY,
    inject: [EVENT_STORE, OUTBOX_RELAY],
    useFactory: (store: MongoEventStore, relay: OutboxRelay) =>
      new EventSourcedRepository<UserState, UserEvent>(store, relay, USER_STREAM_TYPE, () => INITIAL_USER_STATE, (state, event) => evolveUser(state, event as unknown as UserEvent)),
  },
  { provide: CREDENTIALS_REPOSITORY, inject: [MONGO_DB], useFactory: (db: Db) => new MongoCredentialsRepository(db) },
  { provide: EMAIL_CLAIMS_REPOSITORY, inject: [MONGO_DB], useFactory: (db: Db) => new MongoEmailClaimsRepository(db) },
  { provide: REFRESH_TOKEN_REPOSITORY, inject: [MONGO_DB], useFactory: (db: Db) => new MongoRefreshTokenRepository(db) },
  {
    provide: USERS_READ_MODEL,
    inject: [MONGO_DB, SERVICE_ENVIRONMENT],
    useFactory: (db: Db, environment: IdentityEnvironment) => new UsersProjection(db, 'users', environment.IDENTITY_CONSUMER_GROUP_PREFIX),
  },
  { provide: PASSWORD_HASHER, useFactory: () => new Argon2PasswordHasher() },
  { provide: PasswordPolicy, useFactory: () => new PasswordPolicy() },
  {
    provide: RefreshTokenService,
    inject: [REFRESH_TOKEN_REPOSITORY, CLOCK, SERVICE_ENVIRONMENT],
    useFactory: (repository: MongoRefreshTokenRepository, clock: Clock, environment: IdentityEnvironment) =>
      new RefreshTokenService(repository, clock, { ttlSeconds: environment.REFRESH_TOKEN_TTL_SECONDS }),
  },
  {
    provide: EmailReservation,
    inject: [EMAIL_CLAIMS_REPOSITORY, USER_REPOSITORY, CLOCK],
    useFactory: (claims: MongoEmailClaimsRepository, users: UserStreams, clock: Clock) => new EmailReservation(claims, users, clock),
  },
  {
    provide: NEW_USER_DEPENDENCIES,
    inject: [USER_REPOSITORY, CREDENTIALS_REPOSITORY, EmailReservation, PASSWORD_HASHER, PasswordPolicy, CLOCK],
    useFactory: (users: UserStreams, credentials: CredentialsRepository, emails: EmailReservation, hasher: PasswordHasher, policy: PasswordPolicy, clock: Clock): NewUserDependencies => ({
      users,
      credentials,
      emails,
      hasher,
      policy,
      clock,
    }),
  },
];

const HANDLERS: Provider[] = [
  { provide: RegisterUserHandler, inject: [NEW_USER_DEPENDENCIES, ID_GENERATOR], useFactory: (dependencies: NewUserDependencies, newId: () => string) => new RegisterUserHandler(dependencies, newId) },
  { provide: EditUserProfileHandler, inject: [USER_REPOSITORY, EmailReservation], useFactory: (users: UserStreams, emails: EmailReservation) => new EditUserProfileHandler(users, emails) },
  { provide: ChangeUserRoleHandler, inject: [USER_REPOSITORY], useFactory: (users: UserStreams) => new ChangeUserRoleHandler(users) },
  {
    provide: DeactivateUserHandler,
    inject: [USER_REPOSITORY, RefreshTokenService],
    useFactory: (users: UserStreams, refreshTokens: RefreshTokenService) => new DeactivateUserHandler(users, refreshTokens),
  },
  { provide: ReactivateUserHandler, inject: [USER_REPOSITORY], useFactory: (users: UserStreams) => new ReactivateUserHandler(users) },
  {
    provide: DeleteUserHandler,
    inject: [USER_REPOSITORY, CREDENTIALS_REPOSITORY, EmailReservation, RefreshTokenService],
    useFactory: (users: UserStreams, credentials: CredentialsRepository, emails: EmailReservation, refreshTokens: RefreshTokenService) =>
      new DeleteUserHandler(users, credentials, emails, refreshTokens),
  },
  {
    provide: ChangePasswordHandler,
    inject: [USER_REPOSITORY, CREDENTIALS_REPOSITORY, PASSWORD_HASHER, PasswordPolicy, RefreshTokenService, CLOCK],
    useFactory: (users: UserStreams, credentials: CredentialsRepository, hasher: PasswordHasher, policy: PasswordPolicy, refreshTokens: RefreshTokenService, clock: Clock) =>
      new ChangePasswordHandler(users, credentials, hasher, policy, refreshTokens, clock),
  },
  { provide: GetUserHandler, inject: [USER_REPOSITORY], useFactory: (users: UserStreams) => new GetUserHandler(users) },
  { provide: ListUsersHandler, inject: [USERS_READ_MODEL], useFactory: (readModel: UsersProjection) => new ListUsersHandler(readModel) },
];

/** Users: registration and administration, credentials, email claims and the users read model. */
@Module({
  controllers: [UsersController],
  providers: [...INFRASTRUCTURE, ...HANDLERS],
  exports: [
    CLOCK,
    ID_GENERATOR,
    USER_REPOSITORY,
    CREDENTIALS_REPOSITORY,
    EMAIL_CLAIMS_REPOSITORY,
    PASSWORD_HASHER,
    PasswordPolicy,
    RefreshTokenService,
    NEW_USER_DEPENDENCIES,
  ],
})
export class UsersModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(UsersModule.name);
  private runner: ProjectionRunner | undefined;

  constructor(
    @Inject(USERS_READ_MODEL) private readonly projection: UsersProjection,
    @Inject(EMAIL_CLAIMS_REPOSITORY) private readonly claims: MongoEmailClaimsRepository,
    @Inject(REFRESH_TOKEN_REPOSITORY) private readonly refreshTokens: MongoRefreshTokenRepository,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(MONGO_DB) private readonly db: Db,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all([this.projection.ensureIndexes(), this.claims.ensureIndexes(), this.refreshTokens.ensureIndexes()]);
    this.runner = new ProjectionRunner(this.projection, this.kafka, this.db, { logger: nestLoggerAdapter(new Logger(ProjectionRunner.name)) });
    await this.runner.start();
    this.logger.log({ projection: this.projection.name }, 'users read model started');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner?.stop();
  }
}
