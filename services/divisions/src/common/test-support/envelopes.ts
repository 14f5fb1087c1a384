import { randomUUID } from 'node:crypto';
import type { Actor, EventEnvelope } from '@regu/contracts';

/** Builds an event as another service would publish it, for specs of projections and reactions. */
export function envelope<TData>(
  type: string,
  data: TData,
  position: { organizationId: string; streamId: string; streamVersion: number },
  actor: Actor = { userId: 'admin-1', role: 'admin' },
): EventEnvelope<string, TData> {
  return {
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    streamId: position.streamId,
    streamVersion: position.streamVersion,
    organizationId: position.organizationId,
    occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, position.streamVersion)).toISOString(),
    correlationId: randomUUID(),
    causationId: randomUUID(),
    actor,
    data,
  };
}
