import { randomUUID } from 'node:crypto';
import type { DivisionEvent } from '@regu/contracts';
import { StreamVersionConflictError } from '@regu/event-sourcing';
import { callerOf, InMemoryStreamRepository } from '../../../common/test-support/in-memory-stream.repository';
import { DivisionNotFound, SupervisorNotActive } from '../../domain/division.errors';
import { evolveDivision, initialDivisionState, type DivisionState } from '../../domain/division.evolve';
import { DivisionViewBuilder } from '../division-view';
import { UpdateDivisionHandler } from './update-division.handler';

function setUp() {
  const organizationId = `org-${randomUUID()}`;
  const divisionId = randomUUID();
  const supervisorId = `supervisor-${randomUUID()}`;
  const otherSupervisorId = `supervisor-${randomUUID()}`;
  const agentId = `agent-${randomUUID()}`;
  const channelId = `channel-${randomUUID()}`;
  const created: DivisionEvent = {
    type: 'DivisionCreated',
    schemaVersion: 1,
    data: { divisionId, name: 'Sales', supervisorId, agentIds: [agentId], channelScope: { kind: 'all' } },
  };
  const repository = new InMemoryStreamRepository<DivisionState, DivisionEvent>(() => initialDivisionState, evolveDivision).given(organizationId, divisionId, created);
  const divisions = { isNameTaken: jest.fn().mockResolvedValue(false) };
  const directory = {
    lookup: jest.fn().mockResolvedValue({
      activeSupervisorIds: new Set([supervisorId, otherSupervisorId]),
      activeAgentIds: new Set(),
      connectedChannelIds: new Set([channelId]),
    }),
  };
  const nameClaims = { isTaken: jest.fn().mockResolvedValue(true), claim: jest.fn().mockResolvedValue(undefined), release: jest.fn().mockResolvedValue(undefined) };
  const views = new DivisionViewBuilder({ usersById: jest.fn().mockResolvedValue(new Map()), channelsById: jest.fn().mockResolvedValue(new Map()) });
  const handler = new UpdateDivisionHandler(repository, divisions, directory, nameClaims, views);
  return { organizationId, divisionId, otherSupervisorId, channelId, repository, divisions, nameClaims, handler, caller: callerOf(organizationId) };
}

describe('UpdateDivisionHandler', () => {
  it('appends rename, supervisor and scope changes as one commit', async () => {
    const s = setUp();

    const view = await s.handler.execute(
      s.caller,
      { divisionId: s.divisionId, name: 'Support', supervisorId: s.otherSupervisorId, channelScope: { kind: 'specific', channelIds: [s.channelId] } },
      1,
    );

    expect(view).toMatchObject({ name: 'Support', supervisor: { id: s.otherSupervisorId }, version: 4 });
    expect(s.repository.appends).toHaveLength(1);
    expect(s.repository.appends[0].events.map((event) => event.type)).toEqual(['DivisionRenamed', 'DivisionSupervisorChanged', 'DivisionChannelScopeChanged']);
  });

  it('claims the new name and releases the old one after a rename', async () => {
    const s = setUp();

    await s.handler.execute(s.caller, { divisionId: s.divisionId, name: 'Support' });

    expect(s.divisions.isNameTaken).toHaveBeenCalledWith(s.organizationId, 'Support', s.divisionId);
    expect(s.nameClaims.claim).toHaveBeenCalledWith(s.organizationId, 'Support', s.divisionId);
    expect(s.nameClaims.release).toHaveBeenCalledWith(s.organizationId, 'Sales', s.divisionId);
  });

  it('keeps the claim when only the case of the name changes', async () => {
    const s = setUp();

    await s.handler.execute(s.caller, { divisionId: s.divisionId, name: 'SALES' });

    expect(s.nameClaims.claim).toHaveBeenCalledWith(s.organizationId, 'SALES', s.divisionId);
    expect(s.nameClaims.release).not.toHaveBeenCalled();
  });

  it('rejects a stale If-Match even when nothing would change', async () => {
    const s = setUp();

    await expect(s.handler.execute(s.caller, { divisionId: s.divisionId, name: 'Sales' }, 7)).rejects.toBeInstanceOf(StreamVersionConflictError);
  });

  it('writes nothing when one field is rejected', async () => {
    const s = setUp();

    await expect(s.handler.execute(s.caller, { divisionId: s.divisionId, name: 'Support', supervisorId: 'not-a-supervisor' })).rejects.toBeInstanceOf(
      SupervisorNotActive,
    );

    expect(s.repository.appends).toHaveLength(0);
    expect(s.nameClaims.claim).not.toHaveBeenCalled();
  });

  it('answers 404 for a division of another organization', async () => {
    const s = setUp();

    await expect(s.handler.execute(callerOf('other-org'), { divisionId: s.divisionId, name: 'Support' })).rejects.toBeInstanceOf(DivisionNotFound);
  });
});
