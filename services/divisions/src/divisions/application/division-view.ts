import type { ChannelScope } from '@regu/contracts';
import { displayName, type DirectoryReadModel } from '../../directory/infrastructure/directory.read-model';
import { hasNoAgents, hasNoChannels, needsSupervisor, type ActiveDivision } from '../domain/division.evolve';

/** A user or channel as a division shows it. `name` is null when the directory does not know the id yet. */
export interface NamedReference {
  id: string;
  name: string | null;
}

export type ChannelScopeView = { kind: 'all' } | { kind: 'specific'; channels: NamedReference[] };

/** A division as the API returns it, with names joined from the service's directory of users and channels. */
export interface DivisionView {
  id: string;
  name: string;
  /** Null while the division needs a supervisor, after the last one was deactivated or deleted. */
  supervisor: NamedReference | null;
  agents: NamedReference[];
  channelScope: ChannelScopeView;
  needsSupervisor: boolean;
  hasNoAgents: boolean;
  /** True when every specific channel was disconnected: the division then serves no channel. */
  hasNoChannels: boolean;
  /** The stream version, which the gateway sends as the ETag. */
  version: number;
}

/** Builds DivisionViews, looking up the names of all divisions' users and channels in one query each. */
export class DivisionViewBuilder {
  constructor(private readonly directory: Pick<DirectoryReadModel, 'usersById' | 'channelsById'>) {}

  async one(organizationId: string, division: ActiveDivision, version: number): Promise<DivisionView> {
    const [view] = await this.many(organizationId, [{ division, version }]);
    return view;
  }

  async many(organizationId: string, divisions: ReadonlyArray<{ division: ActiveDivision; version: number }>): Promise<DivisionView[]> {
    const userIds = divisions.flatMap(({ division }) => [...(division.supervisorId === null ? [] : [division.supervisorId]), ...division.agentIds]);
    const channelIds = divisions.flatMap(({ division }) => (division.channelScope.kind === 'specific' ? division.channelScope.channelIds : []));
    const [users, channels] = await Promise.all([
      this.directory.usersById(organizationId, userIds),
      this.directory.channelsById(organizationId, channelIds),
    ]);

    const userReference = (id: string): NamedReference => {
      const user = users.get(id);
      return { id, name: user === undefined ? null : displayName(user) };
    };
    const channelReference = (id: string): NamedReference => ({ id, name: channels.get(id)?.displayName ?? null });

    return divisions.map(({ division, version }) => ({
      id: division.divisionId,
      name: division.name,
      supervisor: division.supervisorId === null ? null : userReference(division.supervisorId),
      agents: division.agentIds.map(userReference),
      channelScope: scopeView(division.channelScope, channelReference),
      needsSupervisor: needsSupervisor(division),
      hasNoAgents: hasNoAgents(division),
      hasNoChannels: hasNoChannels(division),
      version,
    }));
  }
}

function scopeView(scope: ChannelScope, reference: (id: string) => NamedReference): ChannelScopeView {
  return scope.kind === 'all' ? { kind: 'all' } : { kind: 'specific', channels: scope.channelIds.map(reference) };
}
