import { randomUUID } from 'node:crypto';
import type { DivisionEvent } from '@regu/contracts';
import { StreamVersionConflictError } from '@regu/event-sourcing';
import { callerOf, InMemoryStreamRepository } from '../../../common/test-support/in-memory-stream.repository';
import { LastAgentCannotBeRemoved } from '../../domain/division.errors';
import { evolveDivision, initialDivisionState, type DivisionState } from '../../domain/division.evolve';
import { DivisionViewBuilder } from '../division-view';
import { RemoveAgentFromDivisionHandler } from './remove-agent-from-division.handler';

function setUp(agentIds: string[]) {
  const organizationId = `org-${randomUUID()}`;
  const divisionId = randomUUID();
  const created: DivisionEvent = {
    type: 'DivisionCreated',
    schemaVersion: 1,
    data: { divisionId, name: 'Sales', supervisorId: 'supervisor-1', agentIds, channelScope: { kind: 'all' } },
  };
  const repository = new InMemoryStreamRepository<DivisionState, DivisionEvent>(() => initialDivisionState, evolveDivision).given(organizationId, divisionId, created);
  const views = new DivisionViewBuilder({ usersById: jest.fn().mockResolvedValue(new Map()), channelsById: jest.fn().mockResolvedValue(new Map()) });
  return { divisionId, repository, handler: new RemoveAgentFromDivisionHandler(repository, views), caller: callerOf(organizationId) };
}

describe('RemoveAgentFromDivisionHandler', () => {
  it('removes the agent with reason removed_by_admin', async () => {
    const s = setUp(['agent-a', 'agent-b']);

    const view = await s.handler.execute(s.caller, { divisionId: s.divisionId, agentId: 'agent-a' }, 1);

    expect(view.agents.map((agent) => agent.id)).toEqual(['agent-b']);
    expect(s.repository.appends[0].events[0]).toMatchObject({ type: 'AgentRemovedFromDivision', data: { reason: 'removed_by_admin' } });
  });

  it('is a no-op for an agent who is not a member', async () => {
    const s = setUp(['agent-a', 'agent-b']);

    const view = await s.handler.execute(s.caller, { divisionId: s.divisionId, agentId: 'agent-z' });

    expect(view.version).toBe(1);
    expect(s.repository.appends).toHaveLength(0);
  });

  it('rejects removing the last agent', async () => {
    const s = setUp(['agent-a']);

    await expect(s.handler.execute(s.caller, { divisionId: s.divisionId, agentId: 'agent-a' })).rejects.toBeInstanceOf(LastAgentCannotBeRemoved);
  });

  it('rejects a stale If-Match', async () => {
    const s = setUp(['agent-a', 'agent-b']);

    await expect(s.handler.execute(s.caller, { divisionId: s.divisionId, agentId: 'agent-a' }, 0)).rejects.toBeInstanceOf(StreamVersionConflictError);
  });
});
