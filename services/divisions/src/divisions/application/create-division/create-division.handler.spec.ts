import { randomUUID } from 'node:crypto';
import type { DivisionEvent } from '@regu/contracts';
import { callerOf, InMemoryStreamRepository } from '../../../common/test-support/in-memory-stream.repository';
import { DivisionNameAlreadyUsed, SupervisorNotActive } from '../../domain/division.errors';
import { evolveDivision, initialDivisionState, type DivisionState } from '../../domain/division.evolve';
import { DivisionViewBuilder } from '../division-view';
import { CreateDivisionHandler } from './create-division.handler';

function setUp() {
  const organizationId = `org-${randomUUID()}`;
  const divisionId = randomUUID();
  const supervisorId = `supervisor-${randomUUID()}`;
  const agentId = `agent-${randomUUID()}`;
  const repository = new InMemoryStreamRepository<DivisionState, DivisionEvent>(() => initialDivisionState, evolveDivision);
  const divisions = { isNameTaken: jest.fn().mockResolvedValue(false) };
  const directory = {
    lookup: jest.fn().mockResolvedValue({ activeSupervisorIds: new Set([supervisorId]), activeAgentIds: new Set([agentId]), connectedChannelIds: new Set() }),
  };
  const nameClaims = { isTaken: jest.fn().mockResolvedValue(true), claim: jest.fn().mockResolvedValue(undefined), release: jest.fn().mockResolvedValue(undefined) };
  const views = new DivisionViewBuilder({ usersById: jest.fn().mockResolvedValue(new Map()), channelsById: jest.fn().mockResolvedValue(new Map()) });
  const handler = new CreateDivisionHandler(repository, divisions, directory, nameClaims, views, () => divisionId);
  return { organizationId, divisionId, supervisorId, agentId, repository, divisions, directory, nameClaims, handler, caller: callerOf(organizationId) };
}

describe('CreateDivisionHandler', () => {
  it('claims the name, appends DivisionCreated and returns version 1', async () => {
    const s = setUp();

    const view = await s.handler.execute(s.caller, { name: ' Sales ', supervisorId: s.supervisorId, agentIds: [s.agentId] });

    expect(view).toMatchObject({ id: s.divisionId, name: 'Sales', version: 1, channelScope: { kind: 'all' }, agents: [{ id: s.agentId, name: null }] });
    expect(s.nameClaims.claim).toHaveBeenCalledWith(s.organizationId, 'Sales', s.divisionId);
    expect(s.repository.appends).toHaveLength(1);
    expect(s.repository.appends[0]).toMatchObject({ streamId: s.divisionId, expectedVersion: 0, events: [{ type: 'DivisionCreated' }] });
  });

  it('looks the ids up in the caller organization only', async () => {
    const s = setUp();

    await s.handler.execute(s.caller, { name: 'Sales', supervisorId: s.supervisorId, agentIds: [s.agentId], channelScope: { kind: 'all' } });

    expect(s.directory.lookup).toHaveBeenCalledWith(s.organizationId, { supervisorIds: [s.supervisorId], agentIds: [s.agentId], channelIds: [] });
    expect(s.divisions.isNameTaken).toHaveBeenCalledWith(s.organizationId, 'Sales');
  });

  it('rejects a name the read model knows, without claiming it', async () => {
    const s = setUp();
    s.divisions.isNameTaken.mockResolvedValue(true);

    await expect(s.handler.execute(s.caller, { name: 'Sales', supervisorId: s.supervisorId, agentIds: [s.agentId] })).rejects.toBeInstanceOf(DivisionNameAlreadyUsed);

    expect(s.nameClaims.isTaken).toHaveBeenCalledWith(s.organizationId, 'Sales');
    expect(s.nameClaims.claim).not.toHaveBeenCalled();
    expect(s.repository.appends).toHaveLength(0);
  });

  it('accepts a name the read model still lists after its division was deleted', async () => {
    const s = setUp();
    s.divisions.isNameTaken.mockResolvedValue(true);
    s.nameClaims.isTaken.mockResolvedValue(false);

    const view = await s.handler.execute(s.caller, { name: 'Sales', supervisorId: s.supervisorId, agentIds: [s.agentId] });

    expect(view.name).toBe('Sales');
  });

  it('appends nothing when the claim is lost to a concurrent create', async () => {
    const s = setUp();
    s.nameClaims.claim.mockRejectedValue(new DivisionNameAlreadyUsed('Sales'));

    await expect(s.handler.execute(s.caller, { name: 'Sales', supervisorId: s.supervisorId, agentIds: [s.agentId] })).rejects.toBeInstanceOf(DivisionNameAlreadyUsed);

    expect(s.repository.appends).toHaveLength(0);
  });

  it('releases the claim when the append fails', async () => {
    const s = setUp();
    jest.spyOn(s.repository, 'append').mockRejectedValue(new Error('store unavailable'));

    await expect(s.handler.execute(s.caller, { name: 'Sales', supervisorId: s.supervisorId, agentIds: [s.agentId] })).rejects.toThrow('store unavailable');

    expect(s.nameClaims.release).toHaveBeenCalledWith(s.organizationId, 'Sales', s.divisionId);
  });

  it('rejects a supervisor the directory does not list as active', async () => {
    const s = setUp();

    await expect(s.handler.execute(s.caller, { name: 'Sales', supervisorId: 'someone-else', agentIds: [s.agentId] })).rejects.toBeInstanceOf(SupervisorNotActive);

    expect(s.nameClaims.claim).not.toHaveBeenCalled();
  });
});
