import type { Collection } from 'mongodb';
import type { DirectoryLookup } from '../../divisions/domain/division.decide';
import type { DirectoryChannel, DirectoryChannelDocument } from './channel-directory.projection';
import type { DirectoryUser, DirectoryUserDocument } from './user-directory.projection';

export interface DirectoryIds {
  supervisorIds?: readonly string[];
  agentIds?: readonly string[];
  channelIds?: readonly string[];
}

export type DirectoryUserEntry = DirectoryUser & { id: string };
export type DirectoryChannelEntry = DirectoryChannel & { id: string };

/**
 * Queries over the service's own projections of identity's users and whatsapp's
 * channels. Every query filters on the organization, so another organization's user or
 * channel is never found.
 */
export class DirectoryReadModel {
  constructor(
    private readonly users: Collection<DirectoryUserDocument>,
    private readonly channels: Collection<DirectoryChannelDocument>,
  ) {}

  /** Returns which of the requested ids are active supervisors, active agents and usable channels. */
  async lookup(organizationId: string, ids: DirectoryIds): Promise<DirectoryLookup> {
    const [supervisors, agents, channels] = await Promise.all([
      this.activeUserIds(organizationId, 'supervisor', ids.supervisorIds ?? []),
      this.activeUserIds(organizationId, 'agent', ids.agentIds ?? []),
      this.connectedChannelIds(organizationId, ids.channelIds ?? []),
    ]);
    return { activeSupervisorIds: supervisors, activeAgentIds: agents, connectedChannelIds: channels };
  }

  async isActiveAgent(organizationId: string, agentId: string): Promise<boolean> {
    return (await this.activeUserIds(organizationId, 'agent', [agentId])).has(agentId);
  }

  /** Returns the organization's users among `userIds`, whatever their status, keyed by id. */
  async usersById(organizationId: string, userIds: readonly string[]): Promise<Map<string, DirectoryUserEntry>> {
    if (userIds.length === 0) {
      return new Map();
    }
    const documents = await this.users.find({ organizationId, _id: { $in: [...new Set(userIds)] }, deleted: { $ne: true } }).toArray();
    return new Map(documents.map((document) => [document._id, toUserEntry(document)]));
  }

  async channelsById(organizationId: string, channelIds: readonly string[]): Promise<Map<string, DirectoryChannelEntry>> {
    if (channelIds.length === 0) {
      return new Map();
    }
    const documents = await this.channels.find({ organizationId, _id: { $in: [...new Set(channelIds)] }, deleted: { $ne: true } }).toArray();
    return new Map(documents.map((document) => [document._id, toChannelEntry(document)]));
  }

  async channel(organizationId: string, channelId: string): Promise<DirectoryChannelEntry | null> {
    return (await this.channelsById(organizationId, [channelId])).get(channelId) ?? null;
  }

  /** Returns every active agent of the organization, ordered by id so that paging is stable. */
  async activeAgents(organizationId: string): Promise<DirectoryUserEntry[]> {
    const documents = await this.users.find({ organizationId, role: 'agent', status: 'active', deleted: { $ne: true } }).sort({ _id: 1 }).toArray();
    return documents.map(toUserEntry);
  }

  private async activeUserIds(organizationId: string, role: 'agent' | 'supervisor', userIds: readonly string[]): Promise<Set<string>> {
    if (userIds.length === 0) {
      return new Set();
    }
    const documents = await this.users
      .find({ organizationId, role, status: 'active', deleted: { $ne: true }, _id: { $in: [...new Set(userIds)] } }, { projection: { _id: 1 } })
      .toArray();
    return new Set(documents.map((document) => document._id));
  }

  private async connectedChannelIds(organizationId: string, channelIds: readonly string[]): Promise<Set<string>> {
    if (channelIds.length === 0) {
      return new Set();
    }
    const documents = await this.channels
      .find({ organizationId, status: { $ne: 'disconnected' }, deleted: { $ne: true }, _id: { $in: [...new Set(channelIds)] } }, { projection: { _id: 1 } })
      .toArray();
    return new Set(documents.map((document) => document._id));
  }
}

/** Returns the name a view shows for a user: first and last name, as identity stores them. */
export function displayName(user: Pick<DirectoryUser, 'firstName' | 'lastName'>): string {
  return `${user.firstName} ${user.lastName}`.trim();
}

function toUserEntry(document: DirectoryUserDocument): DirectoryUserEntry {
  return { id: document._id, firstName: document.firstName, lastName: document.lastName, role: document.role, status: document.status };
}

function toChannelEntry(document: DirectoryChannelDocument): DirectoryChannelEntry {
  return { id: document._id, displayName: document.displayName, phoneNumber: document.phoneNumber, status: document.status };
}
