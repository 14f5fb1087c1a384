import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AgentRemovalReason, DivisionEvent, EventEnvelope, SupervisorRemovalReason, UserEvent } from '@regu/contracts';
import { retryOnConflict } from '../../../common/retry-on-conflict';
import { systemActorFor } from '../../../common/system-actor';
import { removeUnavailableAgentFromDivision, removeUnavailableSupervisorFromDivision } from '../../domain/division.decide';
import { evolveDivision } from '../../domain/division.evolve';
import { DivisionCandidatesFinder } from '../../infrastructure/division-candidates.finder';
import { DIVISION_REPOSITORY, type DivisionRepository } from '../division.ports';
import { appendDivisionEvents } from '../division-writes';

/** Why a user can no longer serve a division, as far as one identity event tells. */
export interface UserUnavailability {
  userId: string;
  agentReason: Exclude<AgentRemovalReason, 'removed_by_admin'> | null;
  supervisorReason: SupervisorRemovalReason | null;
}

/**
 * Maps an identity user event to the roles in which the user stops being available, or
 * null when the event changes nothing for divisions. A deactivated or deleted user
 * leaves both roles, because the event does not say which role they had and each
 * removal is a no-op where the user does not have that role.
 */
export function unavailabilityOf(envelope: EventEnvelope): UserUnavailability | null {
  const event = envelope as unknown as UserEvent;
  switch (event.type) {
    case 'UserDeactivated':
      return { userId: event.data.userId, agentReason: 'agent_deactivated', supervisorReason: 'supervisor_deactivated' };
    case 'UserDeleted':
      return { userId: event.data.userId, agentReason: 'agent_deleted', supervisorReason: 'supervisor_deleted' };
    case 'UserRoleChanged': {
      const { userId, oldRole, newRole } = event.data;
      const agentReason = oldRole === 'agent' && newRole !== 'agent' ? 'agent_role_changed' : null;
      const supervisorReason = oldRole === 'supervisor' && newRole !== 'supervisor' ? 'supervisor_role_changed' : null;
      return agentReason === null && supervisorReason === null ? null : { userId, agentReason, supervisorReason };
    }
    default:
      return null;
  }
}

/**
 * Takes a user who is no longer an active agent or supervisor out of every division of
 * their organization, by the service's own commands with actor role `system` and the
 * identity event as the cause. Running it twice for the same event changes nothing.
 */
@Injectable()
export class RemoveUnavailableUserHandler {
  private readonly logger = new Logger(RemoveUnavailableUserHandler.name);

  constructor(
    @Inject(DIVISION_REPOSITORY) private readonly repository: DivisionRepository,
    @Inject(DivisionCandidatesFinder) private readonly candidates: Pick<DivisionCandidatesFinder, 'divisionsNamingUser'>,
  ) {}

  async execute(event: EventEnvelope): Promise<void> {
    const unavailability = unavailabilityOf(event);
    if (unavailability === null) {
      return;
    }

    const divisionIds = await this.candidates.divisionsNamingUser(event.organizationId, unavailability.userId);
    for (const divisionId of divisionIds) {
      await retryOnConflict(() => this.removeFrom(divisionId, unavailability, event));
    }
  }

  private async removeFrom(divisionId: string, unavailability: UserUnavailability, cause: EventEnvelope): Promise<void> {
    const loaded = await this.repository.load(cause.organizationId, divisionId);
    const { userId, agentReason, supervisorReason } = unavailability;

    const agentEvents = agentReason === null ? [] : removeUnavailableAgentFromDivision({ divisionId, agentId: userId, reason: agentReason }, loaded.state);
    const afterAgent = agentEvents.reduce(evolveDivision, loaded.state);
    const supervisorEvents =
      supervisorReason === null ? [] : removeUnavailableSupervisorFromDivision({ divisionId, supervisorId: userId, reason: supervisorReason }, afterAgent);
    const events: DivisionEvent[] = [...agentEvents, ...supervisorEvents];

    const result = await appendDivisionEvents(this.repository, divisionId, loaded, loaded.version, events, systemActorFor(cause), cause.eventId);
    if (events.length > 0) {
      this.logger.log(
        { organizationId: cause.organizationId, streamId: divisionId, version: result.version, eventTypes: events.map((e) => e.type), causationId: cause.eventId },
        'unavailable user removed from division',
      );
    }
  }
}
