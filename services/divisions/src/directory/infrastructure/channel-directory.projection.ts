import type { Collection, Db } from 'mongodb';
import { TOPICS, type ChannelEventData, type EventEnvelope } from '@regu/contracts';
import { applyToStreamDocument, type ApplyOutcome, type Projection, type VersionedDocument } from '@regu/event-sourcing';

/**
 * `reconnection_required` is a connected number whose access token WhatsApp stopped
 * accepting. It still belongs to the organization's divisions until it is disconnected.
 */
export type DirectoryChannelStatus = 'connected' | 'reconnection_required' | 'disconnected';

export interface DirectoryChannel {
  displayName: string;
  phoneNumber: string;
  status: DirectoryChannelStatus;
}

export type DirectoryChannelDocument = VersionedDocument<DirectoryChannel>;

export const CHANNEL_DIRECTORY_COLLECTION = 'directory_channels';

/** Applies one whatsapp channel event to the directory entry of its channel. */
export function evolveDirectoryChannel(current: DirectoryChannel | null, envelope: EventEnvelope): DirectoryChannel | null {
  const event = envelope as unknown as ChannelEventData;
  if (event.type === 'ChannelConnected') {
    return current ?? { displayName: event.data.displayName, phoneNumber: event.data.phoneNumber, status: 'connected' };
  }
  if (current === null) {
    return null;
  }

  switch (event.type) {
    case 'ChannelSettingsUpdated':
      return { ...current, displayName: event.data.displayName ?? current.displayName };
    case 'ChannelMarkedForReconnection':
      return current.status === 'disconnected' ? current : { ...current, status: 'reconnection_required' };
    case 'ChannelReconnected':
      return current.status === 'disconnected' ? current : { ...current, status: 'connected' };
    case 'ChannelDisconnected':
      return { ...current, status: 'disconnected' };
    default:
      // WhatsApp may add event types; an unknown one must not stop the directory.
      return current;
  }
}

/** Keeps `directory_channels` from `whatsapp.channel.events`. */
export class ChannelDirectoryProjection implements Projection {
  readonly topics = [TOPICS.whatsappChannel];
  readonly collection: Collection<DirectoryChannelDocument>;

  constructor(
    readonly name: string,
    db: Db,
  ) {
    this.collection = db.collection<DirectoryChannelDocument>(CHANNEL_DIRECTORY_COLLECTION);
  }

  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ organizationId: 1, status: 1 }, { name: 'organization_status' });
  }

  apply(event: EventEnvelope): Promise<ApplyOutcome> {
    return applyToStreamDocument<DirectoryChannel>(this.collection, event, evolveDirectoryChannel);
  }

  async reset(): Promise<void> {
    await this.collection.deleteMany({});
  }
}
