import { randomUUID } from 'node:crypto';
import type { DivisionEvent } from '@regu/contracts';
import { callerOf, InMemoryStreamRepository } from '../../../common/test-support/in-memory-stream.repository';
import { AgentsNotActive, DivisionNotFound } from '../../domain/division.errors';
import { evolveDivision, initialDivisionState, type DivisionState } from '../../domain/division.evolve';
import { DivisionViewBuilder } from '../division-view';
import { AddAgentsToDivisionHandler } from './add-agents-to-division.handler';

function setUp() {
  const organizationId = `org-${randomUUID()}`;
  const divisionId = randomUUID();
  const agentA = `agent-${randomUUID()}`;
  const agentB = `agent-${randomUUID()}`;
  const created: DivisionEvent = {
    type: 'DivisionCreated',
    schemaVersion: 1,
    data: { divisionId, name: 'Sales', supervisorId: 'supervisor-1', agentIds: [agentA], channelScope: { kind: 'all' } },
  };
  const repository = new InMemoryStreamRepository<DivisionState, DivisionEvent>(() => initialDivisionState, evolveDivision).given(organizationId, divisionId, created);
  const directory = { lookup: jest.fn().mockResolvedValue({ activeSupervisorIds: new Set(), activeAgentIds: new Set([agentA, agentB]), connectedChannelIds: new Set() }) };
  const views = new DivisionViewBuilder({ usersById: jest.fn().mockResolvedValue(new Map()), channelsById: jest.fn().mockResolvedValue(new Map()) });
  const handler = new AddAgentsToDivisionHandler(repository, directory, views);
  return { organizationId, divisionId, agentA, agentB, repository, directory, handler, caller: callerOf(organizationId) };
}

describe('AddAgentsToDivisionHandler', () => {
  it('adds new agents and returns the next version', async () => {
    const s = setUp();

    const view = await s.handler.execute(s.caller, { divisionId: s.divisionId, agentIds: [s.agentA, s.agentB] }, 1);

    expect(view.agents.map((agent) => agent.id)).toEqual([s.agentA, s.agentB]);
    expect(view.version).toBe(2);
    expect(s.directory.lookup).toHaveBeenCalledWith(s.organizationId, { agentIds: [s.agentA, s.agentB] });
  });

  it('appends nothing when every agent is already a member', async () => {
    const s = setUp();

    const view = await s.handler.execute(s.caller, { divisionId: s.divisionId, agentIds: [s.agentA] });

    expect(view.version).toBe(1);
    expect(s.repository.appends).toHaveLength(0);
  });

  it('rejects an agent who is not active', async () => {
    const s = setUp();

    await expect(s.handler.execute(s.caller, { divisionId: s.divisionId, agentIds: ['agent-of-another-org'] })).rejects.toBeInstanceOf(AgentsNotActive);
  });

  it('answers 404 for a division of another organization', async () => {
    const s = setUp();

    await expect(s.handler.execute(callerOf('other-org'), { divisionId: s.divisionId, agentIds: [s.agentB] })).rejects.toBeInstanceOf(DivisionNotFound);
  });
});
