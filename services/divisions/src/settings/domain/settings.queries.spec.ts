import { randomUUID } from 'node:crypto';
import type { WorkloadSettings } from '@regu/contracts';
import { effectiveWorkloadLimit, mayUseBroadcast } from './settings.queries';

function ids() {
  return { agentId: `agent-${randomUUID()}`, divisionA: `division-a-${randomUUID()}`, divisionB: `division-b-${randomUUID()}` };
}

describe('effectiveWorkloadLimit', () => {
  it('uses the organization default without other limits', () => {
    const { agentId, divisionA } = ids();
    const workload: WorkloadSettings = { organizationLimit: 10, divisionLimits: {}, agentLimits: {} };

    expect(effectiveWorkloadLimit(workload, agentId, [divisionA])).toEqual({ limit: 10, source: 'organization' });
  });

  it('prefers a division limit over the organization default', () => {
    const { agentId, divisionA } = ids();
    const workload: WorkloadSettings = { organizationLimit: 10, divisionLimits: { [divisionA]: 3 }, agentLimits: {} };

    expect(effectiveWorkloadLimit(workload, agentId, [divisionA])).toEqual({ limit: 3, source: 'division', divisionId: divisionA });
  });

  it('prefers the agent limit over division limits', () => {
    const { agentId, divisionA } = ids();
    const workload: WorkloadSettings = { organizationLimit: 10, divisionLimits: { [divisionA]: 3 }, agentLimits: { [agentId]: 20 } };

    expect(effectiveWorkloadLimit(workload, agentId, [divisionA])).toEqual({ limit: 20, source: 'agent' });
  });

  it('takes the highest limit of several divisions', () => {
    const { agentId, divisionA, divisionB } = ids();
    const workload: WorkloadSettings = { organizationLimit: 50, divisionLimits: { [divisionA]: 3, [divisionB]: 7 }, agentLimits: {} };

    expect(effectiveWorkloadLimit(workload, agentId, [divisionA, divisionB])).toEqual({ limit: 7, source: 'division', divisionId: divisionB });
  });

  it('counts unlimited as the highest division limit', () => {
    const { agentId, divisionA, divisionB } = ids();
    const workload: WorkloadSettings = { organizationLimit: 5, divisionLimits: { [divisionA]: 'unlimited', [divisionB]: 100 }, agentLimits: {} };

    expect(effectiveWorkloadLimit(workload, agentId, [divisionB, divisionA])).toEqual({
      limit: 'unlimited',
      source: 'division',
      divisionId: divisionA,
    });
  });

  it('names the smallest division id on a tie, whatever the order', () => {
    const { agentId, divisionA, divisionB } = ids();
    const workload: WorkloadSettings = { organizationLimit: 5, divisionLimits: { [divisionA]: 4, [divisionB]: 4 }, agentLimits: {} };

    expect(effectiveWorkloadLimit(workload, agentId, [divisionB, divisionA])).toEqual({ limit: 4, source: 'division', divisionId: divisionA });
    expect(effectiveWorkloadLimit(workload, agentId, [divisionA, divisionB])).toEqual({ limit: 4, source: 'division', divisionId: divisionA });
  });

  it('ignores limits of divisions the agent is not in', () => {
    const { agentId, divisionA, divisionB } = ids();
    const workload: WorkloadSettings = { organizationLimit: 'unlimited', divisionLimits: { [divisionB]: 2 }, agentLimits: {} };

    expect(effectiveWorkloadLimit(workload, agentId, [divisionA])).toEqual({ limit: 'unlimited', source: 'organization' });
  });

  it('keeps an agent limit lower than their divisions', () => {
    const { agentId, divisionA } = ids();
    const workload: WorkloadSettings = { organizationLimit: 'unlimited', divisionLimits: { [divisionA]: 'unlimited' }, agentLimits: { [agentId]: 1 } };

    expect(effectiveWorkloadLimit(workload, agentId, [divisionA])).toEqual({ limit: 1, source: 'agent' });
  });
});

describe('mayUseBroadcast', () => {
  it('allows an agent granted personally', () => {
    const { agentId } = ids();

    expect(mayUseBroadcast({ agentIds: [agentId], divisionIds: [] }, agentId, [])).toBe(true);
  });

  it('allows an agent of a granted division', () => {
    const { agentId, divisionA, divisionB } = ids();

    expect(mayUseBroadcast({ agentIds: [], divisionIds: [divisionB] }, agentId, [divisionA, divisionB])).toBe(true);
  });

  it('denies an agent with no grant', () => {
    const { agentId, divisionA, divisionB } = ids();

    expect(mayUseBroadcast({ agentIds: [`agent-${randomUUID()}`], divisionIds: [divisionB] }, agentId, [divisionA])).toBe(false);
  });
});
