import { randomUUID } from 'node:crypto';
import type { DivisionEvent } from '@regu/contracts';
import { StreamVersionConflictError } from '@regu/event-sourcing';
import { envelope } from '../../../common/test-support/envelopes';
import { InMemoryStreamRepository } from '../../../common/test-support/in-memory-stream.repository';
import { evolveDivision, initialDivisionState, type DivisionState } from '../../domain/division.evolve';
import { RemoveUnavailableUserHandler, unavailabilityOf } from './remove-unavailable-user.handler';

function setUp() {
  const organizationId = `org-${randomUUID()}`;
  const userId = `user-${randomUUID()}`;
  const divisionA = randomUUID();
  const divisionB = randomUUID();
  const created = (divisionId: string, supervisorId: string, agentIds: string[]): DivisionEvent => ({
    type: 'DivisionCreated',
    schemaVersion: 1,
    data: { divisionId, name: divisionId, supervisorId, agentIds, channelScope: { kind: 'all' } },
  });
  const repository = new InMemoryStreamRepository<DivisionState, DivisionEvent>(() => initialDivisionState, evolveDivision)
    .given(organizationId, divisionA, created(divisionA, 'supervisor-1', [userId]))
    .given(organizationId, divisionB, created(divisionB, userId, ['agent-2', 'agent-3']));
  const candidates = { divisionsNamingUser: jest.fn().mockResolvedValue([divisionA, divisionB]) };
  const handler = new RemoveUnavailableUserHandler(repository, candidates);
  const userEvent = (type: string, data: object) => envelope(type, { userId, ...data }, { organizationId, streamId: userId, streamVersion: 2 });
  return { organizationId, userId, divisionA, divisionB, repository, candidates, handler, userEvent };
}

describe('unavailabilityOf', () => {
  it.each([
    ['agent', 'supervisor', 'agent_role_changed', null],
    ['supervisor', 'agent', null, 'supervisor_role_changed'],
    ['admin', 'agent', null, null],
  ])('maps a role change from %s to %s', (oldRole, newRole, agentReason, supervisorReason) => {
    const result = unavailabilityOf(envelope('UserRoleChanged', { userId: 'u', oldRole, newRole }, { organizationId: 'o', streamId: 'u', streamVersion: 2 }));
    expect(result).toEqual(agentReason === null && supervisorReason === null ? null : { userId: 'u', agentReason, supervisorReason });
  });

  it('ignores events that keep the user available', () => {
    expect(unavailabilityOf(envelope('UserReactivated', { userId: 'u' }, { organizationId: 'o', streamId: 'u', streamVersion: 2 }))).toBeNull();
  });
});

describe('RemoveUnavailableUserHandler', () => {
  it('removes a deactivated user as agent and as supervisor, as the system', async () => {
    const s = setUp();
    const deactivated = s.userEvent('UserDeactivated', {});

    await s.handler.execute(deactivated);

    expect(s.candidates.divisionsNamingUser).toHaveBeenCalledWith(s.organizationId, s.userId);
    expect(s.repository.appends.map((append) => [append.streamId, append.events.map((event) => event.data)])).toEqual([
      [s.divisionA, [expect.objectContaining({ agentId: s.userId, reason: 'agent_deactivated', newAgentIds: [] })]],
      [s.divisionB, [expect.objectContaining({ oldSupervisorId: s.userId, reason: 'supervisor_deactivated' })]],
    ]);
    for (const append of s.repository.appends) {
      expect(append.actor).toMatchObject({ organizationId: s.organizationId, role: 'system' });
      expect(append.causationId).toBe(deactivated.eventId);
    }
  });

  it('changes nothing when the same event arrives twice', async () => {
    const s = setUp();
    const deleted = s.userEvent('UserDeleted', {});

    await s.handler.execute(deleted);
    await s.handler.execute(deleted);

    expect(s.repository.appends).toHaveLength(2);
  });

  it('retries after a concurrent write to the division', async () => {
    const s = setUp();
    const append = jest.spyOn(s.repository, 'append');
    append.mockRejectedValueOnce(new StreamVersionConflictError(s.divisionA, 1, 2));

    await s.handler.execute(s.userEvent('UserDeactivated', {}));

    expect(append).toHaveBeenCalledTimes(3);
    expect(s.repository.appends).toHaveLength(2);
  });

  it('does not look up divisions for other user events', async () => {
    const s = setUp();

    await s.handler.execute(s.userEvent('UserPasswordChanged', { changedBy: 'admin-1' }));

    expect(s.candidates.divisionsNamingUser).not.toHaveBeenCalled();
  });
});
