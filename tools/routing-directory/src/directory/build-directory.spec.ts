import { DEFAULT_ORGANIZATION_SETTINGS, type OrganizationSettings, type WorkloadSettings } from '@regu/contracts';
import { buildDirectory, effectiveWorkloadLimit, mayBroadcast } from './build-directory';
import type { ChannelRecord, DivisionRecord, OrganizationSnapshot, UserRecord } from './directory.types';

const workload = (overrides: Partial<WorkloadSettings>): WorkloadSettings => ({ organizationLimit: 5, divisionLimits: {}, agentLimits: {}, ...overrides });

describe('effectiveWorkloadLimit', () => {
  it('prefers the agent limit', () => {
    const settings = workload({ agentLimits: { a1: 2 }, divisionLimits: { d1: 9 } });

    expect(effectiveWorkloadLimit(settings, 'a1', ['d1'])).toEqual({ workloadLimit: 2, workloadLimitSource: 'agent', workloadLimitDivisionId: null });
  });

  it('takes the highest division limit', () => {
    const settings = workload({ divisionLimits: { d1: 3, d2: 8, d3: 4 } });

    expect(effectiveWorkloadLimit(settings, 'a1', ['d1', 'd2', 'd3'])).toEqual({ workloadLimit: 8, workloadLimitSource: 'division', workloadLimitDivisionId: 'd2' });
  });

  it('ranks unlimited above any number', () => {
    const settings = workload({ divisionLimits: { d1: 100, d2: 'unlimited' } });

    expect(effectiveWorkloadLimit(settings, 'a1', ['d1', 'd2']).workloadLimit).toBe('unlimited');
  });

  it('names the smallest division id on a tie', () => {
    const settings = workload({ divisionLimits: { dB: 4, dA: 4 } });

    expect(effectiveWorkloadLimit(settings, 'a1', ['dB', 'dA']).workloadLimitDivisionId).toBe('dA');
  });

  it('may lower the organization default', () => {
    const settings = workload({ organizationLimit: 10, divisionLimits: { d1: 3 } });

    expect(effectiveWorkloadLimit(settings, 'a1', ['d1']).workloadLimit).toBe(3);
  });

  it('falls back to the organization default', () => {
    const settings = workload({ divisionLimits: { other: 9 } });

    expect(effectiveWorkloadLimit(settings, 'a1', ['d1'])).toEqual({ workloadLimit: 5, workloadLimitSource: 'organization', workloadLimitDivisionId: null });
  });
});

describe('mayBroadcast', () => {
  it('allows a granted agent', () => {
    expect(mayBroadcast({ agentIds: ['a1'], divisionIds: [] }, 'a1', [])).toBe(true);
  });

  it('allows through a granted division', () => {
    expect(mayBroadcast({ agentIds: [], divisionIds: ['d2'] }, 'a1', ['d1', 'd2'])).toBe(true);
  });

  it('denies without a grant', () => {
    expect(mayBroadcast({ agentIds: ['a2'], divisionIds: ['d3'] }, 'a1', ['d1'])).toBe(false);
  });
});

function snapshot(parts: {
  users?: Record<string, UserRecord>;
  divisions?: Record<string, DivisionRecord>;
  channels?: Record<string, ChannelRecord>;
  settings?: OrganizationSettings;
}): OrganizationSnapshot {
  return {
    organizationId: 'org-1',
    users: new Map(Object.entries(parts.users ?? {})),
    divisions: new Map(Object.entries(parts.divisions ?? {})),
    channels: new Map(Object.entries(parts.channels ?? {})),
    settings: parts.settings ?? DEFAULT_ORGANIZATION_SETTINGS,
  };
}

const active = (role: UserRecord['role'] = 'agent'): UserRecord => ({ role, status: 'active' });
const connected = (displayName: string): ChannelRecord => ({ displayName, phoneNumber: '+6281100000001', status: 'connected' });

describe('buildDirectory', () => {
  it('lists all-channel and specific divisions', () => {
    const entries = buildDirectory(
      snapshot({
        users: { a1: active(), a2: active() },
        channels: { c1: connected('Sales'), c2: connected('Support') },
        divisions: {
          dAll: { name: 'All', supervisorId: 's1', agentIds: ['a1'], channelScope: { kind: 'all' } },
          dC2: { name: 'Only c2', supervisorId: 's1', agentIds: ['a2'], channelScope: { kind: 'specific', channelIds: ['c2'] } },
          dNone: { name: 'None', supervisorId: null, agentIds: ['a2'], channelScope: { kind: 'specific', channelIds: [] } },
        },
      }),
    );

    expect(entries.map((entry) => [entry.channel.channelId, entry.divisions.map((division) => division.divisionId)])).toEqual([
      ['c1', ['dAll']],
      ['c2', ['dAll', 'dC2']],
    ]);
  });

  it('lists only active agents', () => {
    const [entry] = buildDirectory(
      snapshot({
        users: { a1: active(), a2: { role: 'agent', status: 'deactivated' }, a3: active('supervisor') },
        channels: { c1: connected('Sales') },
        divisions: { d1: { name: 'D', supervisorId: 's1', agentIds: ['a4', 'a3', 'a2', 'a1'], channelScope: { kind: 'all' } } },
      }),
    );

    expect(entry.divisions[0].agents.map((agent) => agent.agentId)).toEqual(['a1']);
  });

  it('uses divisions not serving the channel for limits', () => {
    const settings = { ...DEFAULT_ORGANIZATION_SETTINGS, workload: workload({ divisionLimits: { dOther: 9 } }), broadcast: { agentIds: [], divisionIds: ['dOther'] } };

    const [entry] = buildDirectory(
      snapshot({
        settings,
        users: { a1: active() },
        channels: { c1: connected('Sales') },
        divisions: {
          d1: { name: 'Serving', supervisorId: 's1', agentIds: ['a1'], channelScope: { kind: 'specific', channelIds: ['c1'] } },
          dOther: { name: 'Other', supervisorId: 's1', agentIds: ['a1'], channelScope: { kind: 'specific', channelIds: ['c9'] } },
        },
      }),
    );

    expect(entry.divisions.map((division) => division.divisionId)).toEqual(['d1']);
    expect(entry.divisions[0].agents).toEqual([{ agentId: 'a1', workloadLimit: 9, workloadLimitSource: 'division', workloadLimitDivisionId: 'dOther', broadcast: true }]);
  });

  it('gives a disconnected channel no divisions', () => {
    const [entry] = buildDirectory(
      snapshot({
        users: { a1: active() },
        channels: { c1: { displayName: 'Old', phoneNumber: '+6281100000009', status: 'disconnected' } },
        divisions: { d1: { name: 'D', supervisorId: 's1', agentIds: ['a1'], channelScope: { kind: 'all' } } },
      }),
    );

    expect(entry.channel.status).toBe('disconnected');
    expect(entry.divisions).toEqual([]);
  });

  it('copies the allocation settings', () => {
    const [entry] = buildDirectory(snapshot({ channels: { c1: connected('Sales') } }));

    expect(entry.allocation).toEqual({
      agentsMayTakeUnassignedChats: true,
      agentsMayTransferChats: true,
      automaticAllocation: { enabled: false, strategy: 'round_robin', onlineAgentsOnly: true },
      customAllocation: { enabled: false, webhookUrl: null },
      idleRule: { enabled: false, idleMinutes: 10, reassignAttempts: 3 },
    });
  });
});
