import type { ChannelDirectory } from '@regu/routing-directory';

/**
 * One channel's routing in a shape both sides map to: the divisions service's routing
 * endpoint and the reference consumer's directory. They order lists and name a few
 * fields differently, so here lists are sorted by id and the names are aligned.
 */
export interface ComparableRouting {
  channelId: string;
  channelName: string;
  status: 'connected' | 'needs_reconnection' | 'disconnected';
  allocation: unknown;
  divisions: Array<{
    divisionId: string;
    name: string;
    supervisorId: string | null;
    agents: Array<{ agentId: string; workloadLimit: number | 'unlimited'; workloadLimitSource: string; broadcast: boolean }>;
  }>;
}

interface RoutingAnswer {
  channel: { channelId: string; name: string; status: string };
  divisions: Array<{
    divisionId: string;
    name: string;
    supervisorId: string | null;
    agents: Array<{ agentId: string; workloadLimit: number | 'unlimited'; workloadLimitSource: string; mayUseBroadcast: boolean }>;
  }>;
  allocation: Record<string, unknown> & { version?: number };
}

const byId = <T>(key: keyof T) => (left: T, right: T) => (String(left[key]) < String(right[key]) ? -1 : String(left[key]) > String(right[key]) ? 1 : 0);

/** Maps the body of GET /api/v1/routing/channels/:channelId. */
export function fromRoutingAnswer(answer: RoutingAnswer): ComparableRouting {
  const { version: _version, ...allocation } = answer.allocation;
  return {
    channelId: answer.channel.channelId,
    channelName: answer.channel.name,
    // The divisions service calls it reconnection_required; both mean a number whose token WhatsApp stopped accepting.
    status: answer.channel.status === 'reconnection_required' ? 'needs_reconnection' : (answer.channel.status as ComparableRouting['status']),
    allocation,
    divisions: answer.divisions
      .map((division) => ({
        divisionId: division.divisionId,
        name: division.name,
        supervisorId: division.supervisorId,
        agents: division.agents
          .map((agent) => ({ agentId: agent.agentId, workloadLimit: agent.workloadLimit, workloadLimitSource: agent.workloadLimitSource, broadcast: agent.mayUseBroadcast }))
          .sort(byId('agentId')),
      }))
      .sort(byId('divisionId')),
  };
}

/** Maps one entry of the reference consumer's directory. */
export function fromDirectory(directory: ChannelDirectory): ComparableRouting {
  return {
    channelId: directory.channel.channelId,
    channelName: directory.channel.displayName,
    status: directory.channel.status,
    allocation: directory.allocation,
    divisions: directory.divisions
      .map((division) => ({
        divisionId: division.divisionId,
        name: division.name,
        supervisorId: division.supervisorId,
        agents: division.agents
          .map((agent) => ({ agentId: agent.agentId, workloadLimit: agent.workloadLimit, workloadLimitSource: agent.workloadLimitSource, broadcast: agent.broadcast }))
          .sort(byId('agentId')),
      }))
      .sort(byId('divisionId')),
  };
}
