import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { CommandMessage } from '@regu/contracts';
import { GetChannelRoutingHandler, type ChannelRouting, type GetChannelRoutingPayload } from '../application/get-channel-routing/get-channel-routing.handler';

/** The gateway's routing query over TCP. */
@Controller()
export class RoutingController {
  constructor(@Inject(GetChannelRoutingHandler) private readonly getChannelRouting: GetChannelRoutingHandler) {}

  @MessagePattern('divisions.get-channel-routing')
  channelRouting(@Payload() message: CommandMessage<GetChannelRoutingPayload>): Promise<ChannelRouting> {
    return this.getChannelRouting.execute(message.caller, message.payload);
  }
}
