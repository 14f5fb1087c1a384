import { Module } from '@nestjs/common';
import type { Db } from 'mongodb';
import { MONGO_DB } from '@regu/service-kit';
import { CONSUMER_GROUP_PREFIX } from '../common/consumer-groups';
import { ChannelDirectoryProjection } from './infrastructure/channel-directory.projection';
import { DirectoryReadModel } from './infrastructure/directory.read-model';
import { UserDirectoryProjection } from './infrastructure/user-directory.projection';

const PROJECTIONS = [
  {
    provide: UserDirectoryProjection,
    inject: [MONGO_DB, CONSUMER_GROUP_PREFIX],
    useFactory: (db: Db, prefix: string) => new UserDirectoryProjection(`${prefix}.user-directory`, db),
  },
  {
    provide: ChannelDirectoryProjection,
    inject: [MONGO_DB, CONSUMER_GROUP_PREFIX],
    useFactory: (db: Db, prefix: string) => new ChannelDirectoryProjection(`${prefix}.channel-directory`, db),
  },
];

const READ_MODELS = [
  {
    provide: DirectoryReadModel,
    inject: [UserDirectoryProjection, ChannelDirectoryProjection],
    useFactory: (users: UserDirectoryProjection, channels: ChannelDirectoryProjection) => new DirectoryReadModel(users.collection, channels.collection),
  },
];

/** The service's own projections of identity's users and whatsapp's channels. */
@Module({
  providers: [...PROJECTIONS, ...READ_MODELS],
  exports: [...PROJECTIONS, ...READ_MODELS],
})
export class DirectoryModule {}
