import type { Collection, Filter } from 'mongodb';
import type { CommitDocument, MongoEventStore } from '@regu/event-sourcing';
import { DIVISION_STREAM_TYPE } from '../application/division.ports';

/**
 * Finds the divisions that may contain a user or a channel, straight from the event
 * store rather than from the division list. The list is a Kafka projection and may not
 * yet show a division created a moment ago, and a reaction that missed it would leave a
 * deactivated agent in that division for good. A candidate is every division whose
 * stream ever named the id; the reaction's decider is a no-op where it is no longer there.
 *
 * NOTE: an add that passed its directory check before the deactivation reached the
 * directory, and appended after this scan ran, still leaves the agent in that division.
 */
export class DivisionCandidatesFinder {
  private readonly commits: Collection<CommitDocument>;

  constructor(store: MongoEventStore) {
    this.commits = store.commits;
  }

  async ensureIndexes(): Promise<void> {
    await this.commits.createIndex({ organizationId: 1, streamType: 1 }, { name: 'organization_stream_type' });
  }

  /** Divisions that ever had the user as an agent or as the supervisor. */
  async divisionsNamingUser(organizationId: string, userId: string): Promise<string[]> {
    return this.streamIds(organizationId, [
      { 'events.data.agentIds': userId },
      { 'events.data.addedAgentIds': userId },
      { 'events.data.supervisorId': userId },
      { 'events.data.newSupervisorId': userId },
    ]);
  }

  /** Divisions that ever had the channel in a specific channel scope. */
  async divisionsNamingChannel(organizationId: string, channelId: string): Promise<string[]> {
    return this.streamIds(organizationId, [
      { 'events.data.channelScope.channelIds': channelId },
      { 'events.data.newChannelScope.channelIds': channelId },
    ]);
  }

  private async streamIds(organizationId: string, anyOf: Filter<CommitDocument>[]): Promise<string[]> {
    const commits = await this.commits
      .find({ organizationId, streamType: DIVISION_STREAM_TYPE, $or: anyOf }, { projection: { streamId: 1 } })
      .toArray();
    return [...new Set(commits.map((commit) => commit.streamId))].sort();
  }
}
