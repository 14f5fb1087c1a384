import { Inject, Injectable } from '@nestjs/common';
import { systemActor } from '../../common/system-actor';
import { type OrganizationStreamRepository } from '../../common/organization-stream.repository';
import { describeTokenProblem, toProviderDomainError } from '../../provider/provider.errors';
import { WhatsAppAccessTokenError } from '../../provider/whatsapp-cloud.errors';
import { CHANNEL_REPOSITORY } from '../channels.tokens';
import { ChannelNeedsReconnection } from '../domain/channel-needs-reconnection.error';
import { ChannelIsDisconnected, ChannelNotFound, ChannelTokenRejected } from '../domain/channel.errors';
import type { ChannelEvent } from '../domain/channel.events';
import type { ChannelDetails, ChannelState } from '../domain/channel.evolve';
import { ChannelTokenStore } from '../infrastructure/channel-token.store';
import { MarkChannelForReconnectionHandler } from './mark-channel-for-reconnection/mark-channel-for-reconnection.handler';

/** A connected channel with its decrypted token, for one call to WhatsApp. Never log or return it. */
export interface OpenChannel extends ChannelDetails {
  organizationId: string;
  accessToken: string;
}

/**
 * Gives the template use cases a connected channel of the caller's organization and
 * runs their WhatsApp calls with its token. When WhatsApp says the token expired or was
 * revoked, the channel is marked as needing reconnection and the caller gets 422
 * CHANNEL_TOKEN_REJECTED with the reason.
 */
@Injectable()
export class ChannelAccess {
  constructor(
    @Inject(CHANNEL_REPOSITORY) private readonly channels: OrganizationStreamRepository<ChannelState, ChannelEvent>,
    private readonly tokens: ChannelTokenStore,
    private readonly markForReconnection: MarkChannelForReconnectionHandler,
  ) {}

  /** Throws 404 for an unknown channel or one of another organization, 409 for a disconnected one or one that needs reconnection. */
  async open(organizationId: string, channelId: string): Promise<OpenChannel> {
    const { state } = await this.channels.loadOwned(organizationId, channelId);
    if (state.status === 'NONE') {
      throw new ChannelNotFound(channelId);
    }
    if (state.status === 'DISCONNECTED') {
      throw new ChannelIsDisconnected(channelId);
    }
    if (state.status === 'NEEDS_RECONNECTION') {
      throw new ChannelNeedsReconnection(channelId);
    }

    const accessToken = await this.tokens.read(state.token, channelId);
    const { status: _status, ...details } = state;
    return { ...details, organizationId, accessToken };
  }

  /** Runs `call` with the channel's token and maps WhatsApp's failures to the errors the API answers with. */
  async call<T>(channel: OpenChannel, correlationId: string, call: (accessToken: string) => Promise<T>): Promise<T> {
    try {
      return await call(channel.accessToken);
    } catch (error) {
      if (error instanceof WhatsAppAccessTokenError) {
        await this.markForReconnection.handle(
          {
            channelId: channel.channelId,
            reason: error.problem,
            providerErrorCode: error.code,
            ...(error.subcode === undefined ? {} : { providerErrorSubcode: error.subcode }),
            tokenFingerprint: channel.token.fingerprint,
          },
          systemActor(channel.organizationId, correlationId),
        );
        throw new ChannelTokenRejected(describeTokenProblem(error.problem));
      }
      throw toProviderDomainError(error);
    }
  }
}
