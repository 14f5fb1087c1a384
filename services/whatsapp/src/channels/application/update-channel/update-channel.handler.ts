import { Inject, Injectable, Logger } from '@nestjs/common';
import type { CommandMessage } from '@regu/contracts';
import { CLOCK, type Clock } from '../../../common/clock';
import { assertExpectedVersion, type OrganizationStreamRepository } from '../../../common/organization-stream.repository';
import { describeTokenProblem, providerReason, toProviderDomainError } from '../../../provider/provider.errors';
import { WhatsAppCloudClient } from '../../../provider/whatsapp-cloud.client';
import { WhatsAppAccessTokenError, WhatsAppApiError } from '../../../provider/whatsapp-cloud.errors';
import { CHANNEL_REPOSITORY } from '../../channels.tokens';
import { updateChannelSettings } from '../../domain/channel.decide';
import { ChannelIsDisconnected, ChannelNotFound, ChannelTokenRejected } from '../../domain/channel.errors';
import type { ChannelEvent } from '../../domain/channel.events';
import { evolveChannel, type ChannelState, type ChannelTokenRef } from '../../domain/channel.evolve';
import { ChannelTokenStore } from '../../infrastructure/channel-token.store';
import { channelViewFromState, type ChannelView } from '../channel.view';

export interface UpdateChannelPayload {
  channelId: string;
  displayName?: string;
  /** A new access token; WhatsApp verifies it before it replaces the current one. */
  accessToken?: string;
}

/**
 * Changes a channel's display name or token. A new token is verified with WhatsApp
 * first; on a channel that needs reconnection it reconnects the channel.
 */
@Injectable()
export class UpdateChannelHandler {
  private readonly logger = new Logger(UpdateChannelHandler.name);

  constructor(
    @Inject(CHANNEL_REPOSITORY) private readonly channels: OrganizationStreamRepository<ChannelState, ChannelEvent>,
    private readonly tokens: ChannelTokenStore,
    private readonly client: WhatsAppCloudClient,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle({ caller, payload, expectedVersion }: CommandMessage<UpdateChannelPayload>): Promise<ChannelView> {
    const { channelId } = payload;
    const { state, version } = await this.channels.loadOwned(caller.organizationId, channelId);
    if (state.status === 'NONE') {
      throw new ChannelNotFound(channelId);
    }
    if (state.status === 'DISCONNECTED') {
      throw new ChannelIsDisconnected(channelId);
    }
    assertExpectedVersion(channelId, expectedVersion, version);

    let token: ChannelTokenRef | undefined;
    if (payload.accessToken !== undefined) {
      await this.verifyToken(payload.accessToken, state.phoneNumberId);
      token = this.tokens.prepare(payload.accessToken);
    }

    const events = updateChannelSettings({ channelId, displayName: payload.displayName, token }, state, { now: this.clock() });
    const storesNewToken = token !== undefined && events.some((event) => 'tokenReference' in event.data && event.data.tokenReference === token?.reference);

    if (storesNewToken && token !== undefined && payload.accessToken !== undefined) {
      await this.tokens.save(token, channelId, payload.accessToken);
    }
    try {
      await this.channels.append(channelId, version, events, caller);
    } catch (error) {
      if (storesNewToken && token !== undefined) {
        await this.tokens.delete(token.reference);
      }
      throw error;
    }
    if (storesNewToken && token !== undefined) {
      await this.tokens.deleteOthers(channelId, token.reference);
    }

    if (events.length > 0) {
      this.logger.log({ channelId, organizationId: caller.organizationId, correlationId: caller.correlationId, eventTypes: events.map((event) => event.type) }, 'channel updated');
    }
    const next = events.reduce<ChannelState>((current, event) => evolveChannel(current, event), state);
    return channelViewFromState(channelId, next, version + events.length);
  }

  private async verifyToken(accessToken: string, phoneNumberId: string): Promise<void> {
    try {
      await this.client.getPhoneNumber(accessToken, phoneNumberId);
    } catch (error) {
      if (error instanceof WhatsAppAccessTokenError) {
        throw new ChannelTokenRejected(describeTokenProblem(error.problem));
      }
      if (error instanceof WhatsAppApiError && error.code === 100) {
        throw new ChannelTokenRejected(`the token has no access to phone number id ${phoneNumberId} (${providerReason(error)})`);
      }
      throw toProviderDomainError(error);
    }
  }
}
