import { randomUUID } from 'node:crypto';
import type { DivisionEvent } from '@regu/contracts';
import { StreamVersionConflictError } from '@regu/event-sourcing';
import { callerOf, InMemoryStreamRepository } from '../../../common/test-support/in-memory-stream.repository';
import { evolveDivision, initialDivisionState, type DivisionState } from '../../domain/division.evolve';
import { DeleteDivisionHandler } from './delete-division.handler';

function setUp() {
  const organizationId = `org-${randomUUID()}`;
  const divisionId = randomUUID();
  const created: DivisionEvent = {
    type: 'DivisionCreated',
    schemaVersion: 1,
    data: { divisionId, name: 'Sales', supervisorId: 'supervisor-1', agentIds: ['agent-a'], channelScope: { kind: 'all' } },
  };
  const repository = new InMemoryStreamRepository<DivisionState, DivisionEvent>(() => initialDivisionState, evolveDivision).given(organizationId, divisionId, created);
  const nameClaims = { release: jest.fn().mockResolvedValue(undefined) };
  return { organizationId, divisionId, repository, nameClaims, handler: new DeleteDivisionHandler(repository, nameClaims), caller: callerOf(organizationId) };
}

describe('DeleteDivisionHandler', () => {
  it('deletes the division and releases its name', async () => {
    const s = setUp();

    expect(await s.handler.execute(s.caller, { divisionId: s.divisionId }, 1)).toEqual({ id: s.divisionId, version: 2 });

    expect(s.repository.appends[0].events).toEqual([{ type: 'DivisionDeleted', schemaVersion: 1, data: { divisionId: s.divisionId, name: 'Sales' } }]);
    expect(s.nameClaims.release).toHaveBeenCalledWith(s.organizationId, 'Sales', s.divisionId);
  });

  it('is a no-op the second time, even with the old If-Match', async () => {
    const s = setUp();
    await s.handler.execute(s.caller, { divisionId: s.divisionId }, 1);

    expect(await s.handler.execute(s.caller, { divisionId: s.divisionId }, 1)).toEqual({ id: s.divisionId, version: 2 });

    expect(s.repository.appends).toHaveLength(1);
  });

  it('is a no-op for another organization division', async () => {
    const s = setUp();

    expect(await s.handler.execute(callerOf('other-org'), { divisionId: s.divisionId })).toEqual({ id: s.divisionId, version: 0 });

    expect(s.repository.appends).toHaveLength(0);
  });

  it('rejects a stale If-Match on a live division', async () => {
    const s = setUp();

    await expect(s.handler.execute(s.caller, { divisionId: s.divisionId }, 5)).rejects.toBeInstanceOf(StreamVersionConflictError);
  });
});
