import type { BroadcastSettings, WorkloadLimit, WorkloadSettings } from '@regu/contracts';

/** An agent's effective workload limit and the level it comes from. */
export type EffectiveWorkloadLimit =
  | { limit: WorkloadLimit; source: 'agent' }
  | { limit: WorkloadLimit; source: 'division'; divisionId: string }
  | { limit: WorkloadLimit; source: 'organization' };

/**
 * Returns the maximum number of chats an agent may hold at once. The agent's own limit
 * wins. Otherwise the highest limit among the agent's divisions that have one wins, so
 * joining a division never lowers an agent's limit, and `unlimited` is higher than any
 * number. On a tie the smallest division id is named, so the result does not depend on
 * the order of `divisionIds`. Otherwise the organization default applies.
 */
export function effectiveWorkloadLimit(
  workload: WorkloadSettings,
  agentId: string,
  divisionIds: readonly string[],
): EffectiveWorkloadLimit {
  const agentLimit = workload.agentLimits[agentId];
  if (agentLimit !== undefined) {
    return { limit: agentLimit, source: 'agent' };
  }

  const divisionsWithLimit = [...new Set(divisionIds)]
    .filter((divisionId) => workload.divisionLimits[divisionId] !== undefined)
    .sort();
  let highest: { limit: WorkloadLimit; source: 'division'; divisionId: string } | undefined;
  for (const divisionId of divisionsWithLimit) {
    const limit = workload.divisionLimits[divisionId];
    if (highest === undefined || compareLimits(limit, highest.limit) > 0) {
      highest = { limit, source: 'division', divisionId };
    }
  }
  if (highest !== undefined) {
    return highest;
  }

  return { limit: workload.organizationLimit, source: 'organization' };
}

/** True when the agent is granted broadcast personally or through one of `divisionIds`. */
export function mayUseBroadcast(broadcast: BroadcastSettings, agentId: string, divisionIds: readonly string[]): boolean {
  return broadcast.agentIds.includes(agentId) || divisionIds.some((divisionId) => broadcast.divisionIds.includes(divisionId));
}

function compareLimits(left: WorkloadLimit, right: WorkloadLimit): number {
  const toNumber = (limit: WorkloadLimit) => (limit === 'unlimited' ? Number.POSITIVE_INFINITY : limit);
  return toNumber(left) - toNumber(right);
}
