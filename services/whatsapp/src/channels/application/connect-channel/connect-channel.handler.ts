import { Inject, Injectable, Logger } from '@nestjs/common';
import type { CommandMessage } from '@regu/contracts';
import { CLOCK, ID_GENERATOR, type Clock, type IdGenerator } from '../../../common/clock';
import type { OrganizationStreamRepository } from '../../../common/organization-stream.repository';
import { describeTokenProblem, providerReason, toProviderDomainError } from '../../../provider/provider.errors';
import { WhatsAppCloudClient } from '../../../provider/whatsapp-cloud.client';
import { WhatsAppAccessTokenError, WhatsAppApiError } from '../../../provider/whatsapp-cloud.errors';
import { CHANNEL_REPOSITORY } from '../../channels.tokens';
import { connectChannel } from '../../domain/channel.decide';
import { ChannelInputInvalid, ChannelPhoneNumberAlreadyConnected, ChannelTokenRejected } from '../../domain/channel.errors';
import type { ChannelEvent } from '../../domain/channel.events';
import { evolveChannel, INITIAL_CHANNEL_STATE, type ChannelState } from '../../domain/channel.evolve';
import { ChannelTokenStore } from '../../infrastructure/channel-token.store';
import { PhoneNumberClaims, type PhoneNumberClaim } from '../../infrastructure/phone-number-claims';
import { channelViewFromState, type ChannelView } from '../channel.view';

export interface ConnectChannelPayload {
  displayName: string;
  /** E.164, for example +6281100000001. */
  phoneNumber: string;
  wabaId: string;
  phoneNumberId: string;
  accessToken: string;
}

/**
 * A claim younger than this may belong to a connect that is still running, so it is
 * respected even when its channel has no events yet; an older one was left by a connect
 * that failed between the claim and the append, and is taken over.
 */
export const UNCONFIRMED_CLAIM_GRACE_MS = 60_000;

/**
 * Connects a WhatsApp number: checks the fields, verifies the token with WhatsApp by
 * looking up the phone number id, claims the number, stores the token encrypted and
 * appends ChannelConnected. A number held by a connected channel answers 409.
 */
@Injectable()
export class ConnectChannelHandler {
  private readonly logger = new Logger(ConnectChannelHandler.name);

  constructor(
    @Inject(CHANNEL_REPOSITORY) private readonly channels: OrganizationStreamRepository<ChannelState, ChannelEvent>,
    private readonly tokens: ChannelTokenStore,
    private readonly claims: PhoneNumberClaims,
    private readonly client: WhatsAppCloudClient,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly newId: IdGenerator,
  ) {}

  async handle({ caller, payload }: CommandMessage<ConnectChannelPayload>): Promise<ChannelView> {
    if (payload.accessToken === undefined || payload.accessToken.trim() === '') {
      throw new ChannelInputInvalid([{ field: 'accessToken', code: 'FIELD_REQUIRED' }]);
    }
    const channelId = this.newId();
    const token = this.tokens.prepare(payload.accessToken);
    const now = this.clock();
    const events = connectChannel({ channelId, ...payload, token }, INITIAL_CHANNEL_STATE, { now });

    await this.verifyToken(payload.accessToken, payload.phoneNumberId);

    const claim: PhoneNumberClaim = {
      _id: payload.phoneNumber,
      channelId,
      organizationId: caller.organizationId,
      wabaId: payload.wabaId,
      phoneNumberId: payload.phoneNumberId,
      claimedAt: now,
    };
    await this.claimPhoneNumber(claim);

    try {
      await this.tokens.save(token, channelId, payload.accessToken);
      await this.channels.append(channelId, 0, events, caller);
    } catch (error) {
      await this.claims.release(payload.phoneNumber, channelId);
      await this.tokens.delete(token.reference);
      throw error;
    }

    this.logger.log({ channelId, organizationId: caller.organizationId, correlationId: caller.correlationId }, 'channel connected');
    const state = events.reduce<ChannelState>((current, event) => evolveChannel(current, event), INITIAL_CHANNEL_STATE);
    return channelViewFromState(channelId, state, events.length);
  }

  private async verifyToken(accessToken: string, phoneNumberId: string): Promise<void> {
    try {
      await this.client.getPhoneNumber(accessToken, phoneNumberId);
    } catch (error) {
      if (error instanceof WhatsAppAccessTokenError) {
        throw new ChannelTokenRejected(describeTokenProblem(error.problem));
      }
      // Code 100 is Graph API's "object does not exist or no permission": the token cannot reach this phone number id.
      if (error instanceof WhatsAppApiError && error.code === 100) {
        throw new ChannelTokenRejected(`the token has no access to phone number id ${phoneNumberId} (${providerReason(error)})`);
      }
      throw toProviderDomainError(error);
    }
  }

  private async claimPhoneNumber(claim: PhoneNumberClaim): Promise<void> {
    const outcome = await this.claims.claim(claim);
    if (outcome.claimed) {
      return;
    }
    if ((await this.isStale(outcome.holder)) && (await this.claims.takeOver(outcome.holder, claim))) {
      this.logger.warn({ channelId: claim.channelId, staleChannelId: outcome.holder.channelId }, 'took over a phone number claim its channel no longer holds');
      return;
    }
    throw new ChannelPhoneNumberAlreadyConnected(claim._id);
  }

  /** A claim is stale when its channel was disconnected, or never got connected within the grace time. */
  private async isStale(holder: PhoneNumberClaim): Promise<boolean> {
    const { state } = await this.channels.load(holder.channelId);
    if (state.status === 'DISCONNECTED') {
      return true;
    }
    return state.status === 'NONE' && this.clock().getTime() - holder.claimedAt.getTime() > UNCONFIRMED_CLAIM_GRACE_MS;
  }
}
