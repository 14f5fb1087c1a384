import type { BroadcastSettings, ChannelScope, WorkloadLimit, WorkloadSettings } from '@regu/contracts';
import type { AgentRoute, ChannelDirectory, DivisionRecord, OrganizationSnapshot } from './directory.types';

type EffectiveLimit = Pick<AgentRoute, 'workloadLimit' | 'workloadLimitSource' | 'workloadLimitDivisionId'>;

/**
 * Returns an agent's effective workload limit. This reimplements, from the contract's
 * `WorkloadSettings` documentation, the rule the divisions service applies, because a
 * downstream consumer may not import service code: the agent's own limit wins; else the
 * highest limit among all the agent's divisions that have one (`unlimited` above any
 * number, the smallest division id on a tie); else the organization default.
 */
export function effectiveWorkloadLimit(workload: WorkloadSettings, agentId: string, divisionIds: readonly string[]): EffectiveLimit {
  const agentLimit = workload.agentLimits[agentId];
  if (agentLimit !== undefined) {
    return { workloadLimit: agentLimit, workloadLimitSource: 'agent', workloadLimitDivisionId: null };
  }

  let best: { divisionId: string; limit: WorkloadLimit } | undefined;
  for (const divisionId of sortedUnique(divisionIds)) {
    const limit = workload.divisionLimits[divisionId];
    if (limit !== undefined && (best === undefined || limitValue(limit) > limitValue(best.limit))) {
      best = { divisionId, limit };
    }
  }
  if (best !== undefined) {
    return { workloadLimit: best.limit, workloadLimitSource: 'division', workloadLimitDivisionId: best.divisionId };
  }

  return { workloadLimit: workload.organizationLimit, workloadLimitSource: 'organization', workloadLimitDivisionId: null };
}

/** True when the agent is granted broadcast personally or through any of their divisions. */
export function mayBroadcast(broadcast: BroadcastSettings, agentId: string, divisionIds: readonly string[]): boolean {
  return broadcast.agentIds.includes(agentId) || divisionIds.some((divisionId) => broadcast.divisionIds.includes(divisionId));
}

/** True when a division's scope covers the channel: every channel, or one of its listed channels. */
export function servesChannel(scope: ChannelScope, channelId: string): boolean {
  return scope.kind === 'all' || scope.channelIds.includes(channelId);
}

/**
 * Builds the directory of every known channel of one organization. An agent is listed
 * when they are a member of the division and identity reports an active user with the
 * agent role. Workload and broadcast consider every division the agent belongs to, not
 * only those serving the channel. A disconnected channel keeps its entry with no divisions.
 */
export function buildDirectory(snapshot: OrganizationSnapshot): ChannelDirectory[] {
  const { settings } = snapshot;
  const divisionIdsByAgent = membershipsByAgent(snapshot.divisions);
  const allocation = {
    agentsMayTakeUnassignedChats: settings.agentsMayTakeUnassignedChats,
    agentsMayTransferChats: settings.agentsMayTransferChats,
    automaticAllocation: settings.automaticAllocation,
    customAllocation: settings.customAllocation,
    idleRule: settings.idleRule,
  };

  const agentRoute = (agentId: string): AgentRoute => {
    const divisionIds = divisionIdsByAgent.get(agentId) ?? [];
    return {
      agentId,
      ...effectiveWorkloadLimit(settings.workload, agentId, divisionIds),
      broadcast: mayBroadcast(settings.broadcast, agentId, divisionIds),
    };
  };

  const isActiveAgent = (userId: string): boolean => {
    const user = snapshot.users.get(userId);
    return user?.role === 'agent' && user.status === 'active';
  };

  return sortedUnique([...snapshot.channels.keys()]).map((channelId) => {
    const channel = snapshot.channels.get(channelId)!;
    const serving = channel.status === 'disconnected' ? [] : sortedUnique([...snapshot.divisions.keys()]).filter((divisionId) => servesChannel(snapshot.divisions.get(divisionId)!.channelScope, channelId));

    return {
      organizationId: snapshot.organizationId,
      channel: { channelId, displayName: channel.displayName, phoneNumber: channel.phoneNumber, status: channel.status },
      allocation,
      divisions: serving.map((divisionId) => {
        const division = snapshot.divisions.get(divisionId)!;
        return {
          divisionId,
          name: division.name,
          channelScope: division.channelScope.kind,
          supervisorId: division.supervisorId,
          agents: sortedUnique(division.agentIds).filter(isActiveAgent).map(agentRoute),
        };
      }),
    };
  });
}

function membershipsByAgent(divisions: ReadonlyMap<string, DivisionRecord>): Map<string, string[]> {
  const memberships = new Map<string, string[]>();
  for (const [divisionId, division] of divisions) {
    for (const agentId of division.agentIds) {
      memberships.set(agentId, [...(memberships.get(agentId) ?? []), divisionId]);
    }
  }
  return memberships;
}

function limitValue(limit: WorkloadLimit): number {
  return limit === 'unlimited' ? Number.POSITIVE_INFINITY : limit;
}

/** Sorts by UTF-16 code units, not locale, so every process orders ids the same way. */
function sortedUnique(ids: Iterable<string>): string[] {
  return [...new Set(ids)].sort();
}
