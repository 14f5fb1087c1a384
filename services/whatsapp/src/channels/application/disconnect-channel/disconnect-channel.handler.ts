import { Inject, Injectable, Logger } from '@nestjs/common';
import type { CommandMessage } from '@regu/contracts';
import { CLOCK, type Clock } from '../../../common/clock';
import { assertExpectedVersion, type OrganizationStreamRepository } from '../../../common/organization-stream.repository';
import { CHANNEL_REPOSITORY } from '../../channels.tokens';
import { disconnectChannel } from '../../domain/channel.decide';
import { ChannelNotFound } from '../../domain/channel.errors';
import type { ChannelEvent } from '../../domain/channel.events';
import type { ChannelState } from '../../domain/channel.evolve';
import { ChannelTokenStore } from '../../infrastructure/channel-token.store';
import { PhoneNumberClaims } from '../../infrastructure/phone-number-claims';

export interface DisconnectChannelPayload {
  channelId: string;
}

/**
 * Disconnects a channel, releases its phone number so it can be connected again in any
 * organization, and deletes its stored tokens. Disconnecting again changes nothing but
 * still releases a claim that a crash may have left behind.
 */
@Injectable()
export class DisconnectChannelHandler {
  private readonly logger = new Logger(DisconnectChannelHandler.name);

  constructor(
    @Inject(CHANNEL_REPOSITORY) private readonly channels: OrganizationStreamRepository<ChannelState, ChannelEvent>,
    private readonly tokens: ChannelTokenStore,
    private readonly claims: PhoneNumberClaims,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle({ caller, payload, expectedVersion }: CommandMessage<DisconnectChannelPayload>): Promise<{ version: number }> {
    const { channelId } = payload;
    const { state, version } = await this.channels.loadOwned(caller.organizationId, channelId);
    if (state.status === 'NONE') {
      throw new ChannelNotFound(channelId);
    }
    if (state.status !== 'DISCONNECTED') {
      assertExpectedVersion(channelId, expectedVersion, version);
    }

    const events = disconnectChannel({ channelId }, state, { now: this.clock() });
    await this.channels.append(channelId, version, events, caller);
    await this.claims.release(state.phoneNumber, channelId);
    await this.tokens.deleteOthers(channelId);

    if (events.length > 0) {
      this.logger.log({ channelId, organizationId: caller.organizationId, correlationId: caller.correlationId }, 'channel disconnected');
    }
    return { version: version + events.length };
  }
}
