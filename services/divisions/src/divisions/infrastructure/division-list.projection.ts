import type { Collection, Db } from 'mongodb';
import { TOPICS, type DivisionEvent, type EventEnvelope } from '@regu/contracts';
import { applyToStreamDocument, type ApplyOutcome, type Projection, type VersionedDocument } from '@regu/event-sourcing';
import { evolveDivision, type ActiveDivision, type DivisionState } from '../domain/division.evolve';
import { normalizeDivisionName } from '../application/division-name';

/**
 * One division as lists, filters and routing read it. The channel scope is flattened
 * into `servesAllChannels` and `channelIds` so that a filter needs no nested paths.
 */
export interface DivisionListEntry {
  name: string;
  /** See normalizeDivisionName: the key of name search, sorting and uniqueness. */
  normalizedName: string;
  supervisorId: string | null;
  agentIds: string[];
  servesAllChannels: boolean;
  /** Empty when `servesAllChannels` is true, and after the last specific channel was disconnected. */
  channelIds: string[];
  createdAt: string;
  updatedAt: string;
}

export type DivisionListDocument = VersionedDocument<DivisionListEntry>;

export const DIVISION_LIST_COLLECTION = 'division_list';

/**
 * Applies one division event to the list entry by replaying it through the domain's own
 * evolveDivision, so the read model cannot drift from the aggregate. A deleted division
 * leaves a tombstone, which list queries skip and which frees its name.
 */
export function evolveDivisionListEntry(current: DivisionListEntry | null, envelope: EventEnvelope): DivisionListEntry | null {
  const before: DivisionState = current === null ? { status: 'empty' } : toActiveDivision(envelope.streamId, current);
  const after = evolveDivision(before, envelope as unknown as DivisionEvent);

  if (after.status === 'deleted') {
    return null;
  }
  if (after.status === 'empty') {
    return current;
  }
  return {
    name: after.name,
    normalizedName: normalizeDivisionName(after.name),
    supervisorId: after.supervisorId,
    agentIds: after.agentIds,
    servesAllChannels: after.channelScope.kind === 'all',
    channelIds: after.channelScope.kind === 'all' ? [] : after.channelScope.channelIds,
    createdAt: current?.createdAt ?? envelope.occurredAt,
    updatedAt: envelope.occurredAt,
  };
}

export function toActiveDivision(divisionId: string, entry: DivisionListEntry): ActiveDivision {
  return {
    status: 'active',
    divisionId,
    name: entry.name,
    supervisorId: entry.supervisorId,
    agentIds: entry.agentIds,
    channelScope: entry.servesAllChannels ? { kind: 'all' } : { kind: 'specific', channelIds: entry.channelIds },
  };
}

/** Keeps `division_list` from `divisions.division.events`. */
export class DivisionListProjection implements Projection {
  readonly topics = [TOPICS.divisionsDivision];
  readonly collection: Collection<DivisionListDocument>;

  constructor(
    readonly name: string,
    db: Db,
  ) {
    this.collection = db.collection<DivisionListDocument>(DIVISION_LIST_COLLECTION);
  }

  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ organizationId: 1, normalizedName: 1, _id: 1 }, { name: 'organization_name' });
    await this.collection.createIndex({ organizationId: 1, agentIds: 1 }, { name: 'organization_agent' });
    await this.collection.createIndex({ organizationId: 1, channelIds: 1 }, { name: 'organization_channel' });
  }

  apply(event: EventEnvelope): Promise<ApplyOutcome> {
    return applyToStreamDocument<DivisionListEntry>(this.collection, event, evolveDivisionListEntry);
  }

  async reset(): Promise<void> {
    await this.collection.deleteMany({});
  }
}
