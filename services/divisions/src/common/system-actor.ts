import type { EventEnvelope } from '@regu/contracts';
import type { CommandActor } from '@regu/service-kit';

/** The user id recorded as the actor of the commands the service issues itself. */
export const SYSTEM_USER_ID = 'divisions-service';

/**
 * Returns the actor of a command the service issues in reaction to `event`: role
 * `system`, the event's organization and its correlation id, so a change can be traced.
 */
export function systemActorFor(event: EventEnvelope): CommandActor {
  return { organizationId: event.organizationId, userId: SYSTEM_USER_ID, role: 'system', correlationId: event.correlationId };
}
