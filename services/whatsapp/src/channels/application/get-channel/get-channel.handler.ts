import { Inject, Injectable } from '@nestjs/common';
import type { CommandMessage } from '@regu/contracts';
import type { OrganizationStreamRepository } from '../../../common/organization-stream.repository';
import { CHANNEL_REPOSITORY } from '../../channels.tokens';
import type { ChannelEvent } from '../../domain/channel.events';
import type { ChannelState } from '../../domain/channel.evolve';
import { channelViewFromState, type ChannelView } from '../channel.view';

/**
 * Returns one channel's settings from its event stream, not from the read model, so an
 * admin sees a change right after making it. Another organization's channel is 404.
 */
@Injectable()
export class GetChannelHandler {
  constructor(@Inject(CHANNEL_REPOSITORY) private readonly channels: OrganizationStreamRepository<ChannelState, ChannelEvent>) {}

  async handle({ caller, payload }: CommandMessage<{ channelId: string }>): Promise<ChannelView> {
    const { state, version } = await this.channels.loadOwned(caller.organizationId, payload.channelId);
    return channelViewFromState(payload.channelId, state, version);
  }
}
