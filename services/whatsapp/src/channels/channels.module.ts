import { Inject, Module, type OnApplicationBootstrap } from '@nestjs/common';
import type { Db } from 'mongodb';
import type { MongoEventStore, OutboxRelay } from '@regu/event-sourcing';
import { EventSourcedRepository, EVENT_STORE, MONGO_DB, OUTBOX_RELAY, ProjectionHost, SERVICE_ENVIRONMENT } from '@regu/service-kit';
import { OrganizationStreamRepository } from '../common/organization-stream.repository';
import { CONSUMER_GROUP_PREFIX } from '../common/common.module';
import type { WhatsAppEnvironment } from '../whatsapp.environment';
import { ChannelsController } from './api/channels.controller';
import { ChannelAccess } from './application/channel-access';
import { ConnectChannelHandler } from './application/connect-channel/connect-channel.handler';
import { DisconnectChannelHandler } from './application/disconnect-channel/disconnect-channel.handler';
import { GetChannelHandler } from './application/get-channel/get-channel.handler';
import { ListChannelsHandler } from './application/list-channels/list-channels.handler';
import { MarkChannelForReconnectionHandler } from './application/mark-channel-for-reconnection/mark-channel-for-reconnection.handler';
import { UpdateChannelHandler } from './application/update-channel/update-channel.handler';
import { CHANNEL_REPOSITORY } from './channels.tokens';
import type { ChannelEvent } from './domain/channel.events';
import { evolveChannel, INITIAL_CHANNEL_STATE, type ChannelState } from './domain/channel.evolve';
import { CHANNEL_LIST_COLLECTION, ChannelListProjection } from './infrastructure/channel-list.projection';
import { ChannelTokenStore } from './infrastructure/channel-token.store';
import { PhoneNumberClaims } from './infrastructure/phone-number-claims';
import { TokenCipher } from './infrastructure/token-cipher';
import { loadTokenEncryptionKey } from './infrastructure/token-encryption-key';

const INFRASTRUCTURE = [
  {
    provide: CHANNEL_REPOSITORY,
    inject: [EVENT_STORE, OUTBOX_RELAY],
    useFactory: (store: MongoEventStore, relay: OutboxRelay) =>
      new OrganizationStreamRepository<ChannelState, ChannelEvent>(
        store,
        new EventSourcedRepository<ChannelState, ChannelEvent>(store, relay, 'channel', () => INITIAL_CHANNEL_STATE, (state, event) => evolveChannel(state, event as unknown as ChannelEvent)),
        () => INITIAL_CHANNEL_STATE,
        evolveChannel,
      ),
  },
  {
    provide: TokenCipher,
    inject: [MONGO_DB, SERVICE_ENVIRONMENT],
    useFactory: async (db: Db, environment: WhatsAppEnvironment) =>
      new TokenCipher(await loadTokenEncryptionKey(db, environment.WHATSAPP_TOKEN_ENCRYPTION_KEY, environment.NODE_ENV)),
  },
  { provide: ChannelTokenStore, inject: [MONGO_DB, TokenCipher], useFactory: (db: Db, cipher: TokenCipher) => new ChannelTokenStore(db, cipher) },
  { provide: PhoneNumberClaims, inject: [MONGO_DB], useFactory: (db: Db) => new PhoneNumberClaims(db) },
  {
    provide: ChannelListProjection,
    inject: [MONGO_DB, CONSUMER_GROUP_PREFIX],
    useFactory: (db: Db, consumerGroupPrefix: string) => new ChannelListProjection(db, CHANNEL_LIST_COLLECTION, consumerGroupPrefix),
  },
];

const HANDLERS = [
  ConnectChannelHandler,
  UpdateChannelHandler,
  DisconnectChannelHandler,
  ListChannelsHandler,
  GetChannelHandler,
  MarkChannelForReconnectionHandler,
  ChannelAccess,
];

/** WhatsApp channels: connect, settings, disconnect, the channel list, and token access for the template use cases. */
@Module({
  controllers: [ChannelsController],
  providers: [...INFRASTRUCTURE, ...HANDLERS],
  exports: [CHANNEL_REPOSITORY, ChannelAccess, PhoneNumberClaims, MarkChannelForReconnectionHandler],
})
export class ChannelsModule implements OnApplicationBootstrap {
  constructor(
    @Inject(PhoneNumberClaims) private readonly claims: PhoneNumberClaims,
    @Inject(ChannelListProjection) private readonly projection: ChannelListProjection,
    @Inject(ProjectionHost) private readonly projections: ProjectionHost,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.claims.ensureIndexes();
    await this.projection.ensureIndexes();
    await this.projections.start([this.projection]);
  }
}
