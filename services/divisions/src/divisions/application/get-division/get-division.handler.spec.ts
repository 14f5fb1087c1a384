import { randomUUID } from 'node:crypto';
import type { DivisionEvent } from '@regu/contracts';
import { callerOf, InMemoryStreamRepository } from '../../../common/test-support/in-memory-stream.repository';
import { DivisionNotFound } from '../../domain/division.errors';
import { evolveDivision, initialDivisionState, type DivisionState } from '../../domain/division.evolve';
import { DivisionViewBuilder } from '../division-view';
import { GetDivisionHandler } from './get-division.handler';

function setUp() {
  const organizationId = `org-${randomUUID()}`;
  const divisionId = randomUUID();
  const created: DivisionEvent = {
    type: 'DivisionCreated',
    schemaVersion: 1,
    data: { divisionId, name: 'Sales', supervisorId: 'supervisor-1', agentIds: ['agent-a'], channelScope: { kind: 'specific', channelIds: ['channel-1'] } },
  };
  const repository = new InMemoryStreamRepository<DivisionState, DivisionEvent>(() => initialDivisionState, evolveDivision).given(organizationId, divisionId, created);
  const directory = {
    usersById: jest.fn().mockResolvedValue(
      new Map([
        ['supervisor-1', { id: 'supervisor-1', firstName: 'Sari', lastName: 'Wijaya', role: 'supervisor', status: 'active' }],
        ['agent-a', { id: 'agent-a', firstName: 'Budi', lastName: 'Santoso', role: 'agent', status: 'active' }],
      ]),
    ),
    channelsById: jest.fn().mockResolvedValue(new Map([['channel-1', { id: 'channel-1', displayName: 'Sales WhatsApp', phoneNumber: '+6281100000001', status: 'connected' }]])),
  };
  const handler = new GetDivisionHandler(repository, new DivisionViewBuilder(directory));
  return { organizationId, divisionId, directory, handler, caller: callerOf(organizationId) };
}

describe('GetDivisionHandler', () => {
  it('returns the division with names and its version', async () => {
    const s = setUp();

    expect(await s.handler.execute(s.caller, { divisionId: s.divisionId })).toEqual({
      id: s.divisionId,
      name: 'Sales',
      supervisor: { id: 'supervisor-1', name: 'Sari Wijaya' },
      agents: [{ id: 'agent-a', name: 'Budi Santoso' }],
      channelScope: { kind: 'specific', channels: [{ id: 'channel-1', name: 'Sales WhatsApp' }] },
      needsSupervisor: false,
      hasNoAgents: false,
      hasNoChannels: false,
      version: 1,
    });
    expect(s.directory.usersById).toHaveBeenCalledWith(s.organizationId, ['supervisor-1', 'agent-a']);
  });

  it('answers 404 for another organization', async () => {
    const s = setUp();

    await expect(s.handler.execute(callerOf('other-org'), { divisionId: s.divisionId })).rejects.toBeInstanceOf(DivisionNotFound);
  });
});
