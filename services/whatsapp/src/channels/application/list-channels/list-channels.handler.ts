import { Injectable } from '@nestjs/common';
import type { CommandMessage } from '@regu/contracts';
import { normalizePageRequest, type Page, type PageRequest } from '../../../common/paging';
import { ChannelListProjection, type ChannelListDocument, type ChannelStatus } from '../../infrastructure/channel-list.projection';
import { channelViewFromDocument, type ChannelView } from '../channel.view';

export interface ListChannelsQuery extends PageRequest {
  status?: ChannelStatus;
}

/** Lists the organization's channels from the `channel_list` read model, sorted by display name. */
@Injectable()
export class ListChannelsHandler {
  constructor(private readonly projection: ChannelListProjection) {}

  async handle({ caller, payload }: CommandMessage<ListChannelsQuery>): Promise<Page<ChannelView>> {
    const { limit, offset } = normalizePageRequest(payload);
    const filter: Record<string, unknown> = { organizationId: caller.organizationId, deleted: { $ne: true } };
    if (payload.status !== undefined) {
      filter.status = payload.status;
    }

    const [documents, total] = await Promise.all([
      this.projection.collection.find(filter as never).sort({ displayName: 1, _id: 1 }).skip(offset).limit(limit).toArray(),
      this.projection.collection.countDocuments(filter as never),
    ]);
    return {
      items: documents.map((document) => channelViewFromDocument(document as ChannelListDocument)),
      limit,
      offset,
      total,
      nextOffset: offset + documents.length < total ? offset + documents.length : null,
    };
  }
}
