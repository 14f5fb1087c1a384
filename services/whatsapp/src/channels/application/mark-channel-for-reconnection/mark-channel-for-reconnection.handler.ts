import { Inject, Injectable, Logger } from '@nestjs/common';
import type { CommandActor } from '@regu/service-kit';
import { CLOCK, type Clock } from '../../../common/clock';
import { type OrganizationStreamRepository, retryOnConflict } from '../../../common/organization-stream.repository';
import { CHANNEL_REPOSITORY } from '../../channels.tokens';
import { markChannelForReconnection, type MarkChannelForReconnection } from '../../domain/channel.decide';
import type { ChannelEvent } from '../../domain/channel.events';
import type { ChannelState } from '../../domain/channel.evolve';

/**
 * Marks a channel as needing reconnection after WhatsApp rejected its token. The service
 * does it on its own, so a concurrent change of the channel is retried, not reported.
 */
@Injectable()
export class MarkChannelForReconnectionHandler {
  private readonly logger = new Logger(MarkChannelForReconnectionHandler.name);

  constructor(
    @Inject(CHANNEL_REPOSITORY) private readonly channels: OrganizationStreamRepository<ChannelState, ChannelEvent>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(command: MarkChannelForReconnection, actor: CommandActor): Promise<void> {
    await retryOnConflict(async () => {
      const { state, version } = await this.channels.loadOwned(actor.organizationId, command.channelId);
      const events = markChannelForReconnection(command, state, { now: this.clock() });
      await this.channels.append(command.channelId, version, events, actor);
      if (events.length > 0) {
        this.logger.warn({ channelId: command.channelId, organizationId: actor.organizationId, reason: command.reason, correlationId: actor.correlationId }, 'channel marked for reconnection');
      }
    });
  }
}
