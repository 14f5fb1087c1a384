import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { DivisionsModule } from '../divisions/divisions.module';
import { SettingsModule } from '../settings/settings.module';
import { GetChannelRoutingHandler } from './application/get-channel-routing/get-channel-routing.handler';
import { RoutingController } from './api/routing.controller';

/** The query downstream routing services call: who may get a channel's chats. */
@Module({
  imports: [DirectoryModule, DivisionsModule, SettingsModule],
  controllers: [RoutingController],
  providers: [GetChannelRoutingHandler],
})
export class RoutingModule {}
