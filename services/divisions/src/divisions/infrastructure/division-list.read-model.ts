import type { Collection, Filter } from 'mongodb';
import { encodeCursor, escapeRegExp, type CursorPosition } from '../../common/paging';
import { normalizeDivisionName } from '../application/division-name';
import type { DivisionListDocument } from './division-list.projection';

export interface DivisionListFilter {
  /** Part of the name, matched regardless of case; the text is escaped, never a pattern. */
  q?: string;
  agentId?: string;
  /** Divisions that serve the channel: scoped to all channels, or to a list containing it. */
  channelId?: string;
}

export interface DivisionListQuery extends DivisionListFilter {
  limit: number;
  offset: number;
  cursor?: CursorPosition;
}

export interface DivisionListResult {
  documents: DivisionListDocument[];
  total: number;
  nextCursor: string | null;
}

/** Queries over `division_list`. Every query filters on the organization and skips deleted divisions. */
export class DivisionListReadModel {
  constructor(private readonly collection: Collection<DivisionListDocument>) {}

  /** True when another division of the organization, not deleted, has the name regardless of case. */
  async isNameTaken(organizationId: string, name: string, exceptDivisionId?: string): Promise<boolean> {
    const filter: Filter<DivisionListDocument> = { organizationId, normalizedName: normalizeDivisionName(name), deleted: { $ne: true } };
    if (exceptDivisionId !== undefined) {
      filter._id = { $ne: exceptDivisionId };
    }
    return (await this.collection.countDocuments(filter, { limit: 1 })) > 0;
  }

  async list(organizationId: string, query: DivisionListQuery): Promise<DivisionListResult> {
    const conditions = this.filterConditions(organizationId, query);
    const pageConditions = query.cursor === undefined ? conditions : [...conditions, afterCursor(query.cursor)];

    const [documents, total] = await Promise.all([
      this.collection
        .find({ $and: pageConditions })
        .sort({ normalizedName: 1, _id: 1 })
        .skip(query.offset)
        .limit(query.limit + 1)
        .toArray(),
      this.collection.countDocuments({ $and: conditions }),
    ]);

    const hasMore = documents.length > query.limit;
    const page = documents.slice(0, query.limit);
    const last = page[page.length - 1];
    const nextCursor = hasMore && last !== undefined ? encodeCursor({ sortKey: last.normalizedName, id: last._id }) : null;
    return { documents: page, total, nextCursor };
  }

  /** Returns every division of the organization that serves the channel. */
  async servingChannel(organizationId: string, channelId: string): Promise<DivisionListDocument[]> {
    return this.collection.find({ $and: this.filterConditions(organizationId, { channelId }) }).sort({ normalizedName: 1, _id: 1 }).toArray();
  }

  /** Returns the ids of the divisions each of `agentIds` belongs to, keyed by agent id. */
  async divisionIdsByAgent(organizationId: string, agentIds: readonly string[]): Promise<Map<string, string[]>> {
    const byAgent = new Map<string, string[]>(agentIds.map((agentId) => [agentId, []]));
    if (agentIds.length === 0) {
      return byAgent;
    }
    const documents = await this.collection
      .find({ organizationId, deleted: { $ne: true }, agentIds: { $in: [...agentIds] } }, { projection: { _id: 1, agentIds: 1 } })
      .toArray();
    for (const document of documents) {
      for (const agentId of document.agentIds) {
        byAgent.get(agentId)?.push(document._id);
      }
    }
    return byAgent;
  }

  private filterConditions(organizationId: string, filter: DivisionListFilter): Filter<DivisionListDocument>[] {
    const conditions: Filter<DivisionListDocument>[] = [{ organizationId }, { deleted: { $ne: true } }];
    const search = filter.q === undefined ? '' : normalizeDivisionName(filter.q);
    if (search !== '') {
      conditions.push({ normalizedName: { $regex: escapeRegExp(search) } });
    }
    if (filter.agentId !== undefined) {
      conditions.push({ agentIds: filter.agentId });
    }
    if (filter.channelId !== undefined) {
      conditions.push({ $or: [{ servesAllChannels: true }, { channelIds: filter.channelId }] });
    }
    return conditions;
  }
}

function afterCursor(cursor: CursorPosition): Filter<DivisionListDocument> {
  return { $or: [{ normalizedName: { $gt: cursor.sortKey } }, { normalizedName: cursor.sortKey, _id: { $gt: cursor.id } }] };
}
