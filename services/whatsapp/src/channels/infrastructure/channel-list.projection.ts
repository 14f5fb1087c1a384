import type { Collection, Db } from 'mongodb';
import { CHANNEL_EVENT_TYPES, TOPICS, type ChannelReconnectionReason, type EventEnvelope } from '@regu/contracts';
import { applyToStreamDocument, type ApplyOutcome, type Projection, type VersionedDocument } from '@regu/event-sourcing';
import { asEvent } from '../../common/organization-stream.repository';
import type { ChannelEvent } from '../domain/channel.events';

export type ChannelStatus = 'CONNECTED' | 'NEEDS_RECONNECTION' | 'DISCONNECTED';

/** One channel as the list shows it. No token, reference or fingerprint is kept here. */
export interface ChannelListItem {
  channelId: string;
  displayName: string;
  phoneNumber: string;
  wabaId: string;
  phoneNumberId: string;
  status: ChannelStatus;
  reconnectionReason?: ChannelReconnectionReason;
  connectedAt: string;
  updatedAt: string;
  disconnectedAt?: string;
}

export type ChannelListDocument = VersionedDocument<ChannelListItem>;

export const CHANNEL_LIST_COLLECTION = 'channel_list';

/** The read model behind the channel list: consumer group `whatsapp.channel-list`, one document per channel. */
export class ChannelListProjection implements Projection {
  readonly name: string;
  readonly topics = [TOPICS.whatsappChannel];
  readonly collection: Collection<ChannelListDocument>;

  constructor(db: Db, collectionName = CHANNEL_LIST_COLLECTION, consumerGroupPrefix = 'whatsapp') {
    this.collection = db.collection(collectionName);
    this.name = `${consumerGroupPrefix}.channel-list`;
  }

  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ organizationId: 1, status: 1, displayName: 1 }, { name: 'channels_by_organization' });
  }

  apply(event: EventEnvelope): Promise<ApplyOutcome> {
    return applyToStreamDocument<ChannelListItem>(this.collection, event, (current) => evolveChannelListItem(current, asEvent<ChannelEvent>(event)));
  }

  async reset(): Promise<void> {
    await this.collection.deleteMany({});
  }
}

/** Applies one channel event to its list item; an event before ChannelConnected leaves nothing to show. */
export function evolveChannelListItem(current: ChannelListItem | null, event: ChannelEvent): ChannelListItem | null {
  switch (event.type) {
    case CHANNEL_EVENT_TYPES.connected: {
      const { data } = event;
      return {
        channelId: data.channelId,
        displayName: data.displayName,
        phoneNumber: data.phoneNumber,
        wabaId: data.wabaId,
        phoneNumberId: data.phoneNumberId,
        status: 'CONNECTED',
        connectedAt: data.connectedAt,
        updatedAt: data.connectedAt,
      };
    }
    case CHANNEL_EVENT_TYPES.settingsUpdated:
      return current === null ? null : { ...current, displayName: event.data.displayName ?? current.displayName, updatedAt: event.data.updatedAt };
    case CHANNEL_EVENT_TYPES.markedForReconnection:
      return current === null || current.status !== 'CONNECTED'
        ? current
        : { ...current, status: 'NEEDS_RECONNECTION', reconnectionReason: event.data.reason, updatedAt: event.data.markedAt };
    case CHANNEL_EVENT_TYPES.reconnected: {
      if (current === null) {
        return null;
      }
      const { reconnectionReason: _reason, disconnectedAt: _disconnectedAt, ...rest } = current;
      return { ...rest, status: 'CONNECTED', updatedAt: event.data.reconnectedAt };
    }
    case CHANNEL_EVENT_TYPES.disconnected: {
      if (current === null) {
        return null;
      }
      const { reconnectionReason: _reason, ...rest } = current;
      return { ...rest, status: 'DISCONNECTED', disconnectedAt: event.data.disconnectedAt, updatedAt: event.data.disconnectedAt };
    }
    default:
      return assertNever(event);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unexpected channel event: ${JSON.stringify(value)}`);
}
