import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { CommandMessage } from '@regu/contracts';
import { ConnectChannelHandler, type ConnectChannelPayload } from '../application/connect-channel/connect-channel.handler';
import { DisconnectChannelHandler, type DisconnectChannelPayload } from '../application/disconnect-channel/disconnect-channel.handler';
import { GetChannelHandler } from '../application/get-channel/get-channel.handler';
import { ListChannelsHandler, type ListChannelsQuery } from '../application/list-channels/list-channels.handler';
import { UpdateChannelHandler, type UpdateChannelPayload } from '../application/update-channel/update-channel.handler';

/** The channel commands and queries the gateway sends over TCP. */
@Controller()
export class ChannelsController {
  constructor(
    private readonly connectChannel: ConnectChannelHandler,
    private readonly updateChannel: UpdateChannelHandler,
    private readonly disconnectChannel: DisconnectChannelHandler,
    private readonly listChannels: ListChannelsHandler,
    private readonly getChannel: GetChannelHandler,
  ) {}

  @MessagePattern('whatsapp.connect-channel')
  connect(@Payload() message: CommandMessage<ConnectChannelPayload>) {
    return this.connectChannel.handle(message);
  }

  @MessagePattern('whatsapp.update-channel')
  update(@Payload() message: CommandMessage<UpdateChannelPayload>) {
    return this.updateChannel.handle(message);
  }

  @MessagePattern('whatsapp.disconnect-channel')
  disconnect(@Payload() message: CommandMessage<DisconnectChannelPayload>) {
    return this.disconnectChannel.handle(message);
  }

  @MessagePattern('whatsapp.list-channels')
  list(@Payload() message: CommandMessage<ListChannelsQuery>) {
    return this.listChannels.handle(message);
  }

  @MessagePattern('whatsapp.get-channel')
  get(@Payload() message: CommandMessage<{ channelId: string }>) {
    return this.getChannel.handle(message);
  }
}
