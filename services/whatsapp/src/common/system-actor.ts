import { randomUUID } from 'node:crypto';
import type { CommandActor } from '@regu/service-kit';

/** The actor of a change the service makes on its own, such as applying a webhook; `correlationId` ties its events together. */
export function systemActor(organizationId: string, correlationId: string = randomUUID()): CommandActor {
  return { organizationId, userId: 'whatsapp-service', role: 'system', correlationId };
}
