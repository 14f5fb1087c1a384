import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '../envelope';
import { createUpcasterRegistry, upcastEvent, UPCASTERS } from './upcast-event';

function renamedEvent(schemaVersion: number, data: unknown): EventEnvelope {
  return {
    eventId: randomUUID(),
    type: 'DivisionRenamed',
    schemaVersion,
    streamId: 'div-1',
    streamVersion: 2,
    organizationId: 'org-1',
    occurredAt: '2026-03-02T08:15:00.000Z',
    correlationId: 'corr-1',
    causationId: 'cause-1',
    actor: { userId: 'user-admin', role: 'admin' },
    data,
  };
}

// Two made-up breaking changes: v2 nests the names, v3 adds the id of the user who renamed.
const registry = createUpcasterRegistry([
  {
    type: 'DivisionRenamed',
    fromVersion: 1,
    upcast: (data) => {
      const { divisionId, oldName, newName } = data as { divisionId: string; oldName: string; newName: string };
      return { divisionId, names: { old: oldName, new: newName } };
    },
  },
  {
    type: 'DivisionRenamed',
    fromVersion: 2,
    upcast: (data, envelope) => ({ ...(data as object), renamedBy: envelope.actor.userId }),
  },
]);

describe('upcastEvent', () => {
  it('maps an old payload through every step', () => {
    const event = renamedEvent(1, { divisionId: 'div-1', oldName: 'Billing', newName: 'Payments' });

    const upcast = upcastEvent(event, registry);

    expect(upcast).toEqual({
      ...event,
      schemaVersion: 3,
      data: { divisionId: 'div-1', names: { old: 'Billing', new: 'Payments' }, renamedBy: 'user-admin' },
    });
    expect(event.schemaVersion).toBe(1);
  });

  it('starts from the version the event has', () => {
    const event = renamedEvent(2, { divisionId: 'div-1', names: { old: 'A', new: 'B' } });

    expect(upcastEvent(event, registry).data).toEqual({ divisionId: 'div-1', names: { old: 'A', new: 'B' }, renamedBy: 'user-admin' });
  });

  it('returns an event already at the newest version unchanged', () => {
    const event = renamedEvent(3, { divisionId: 'div-1' });

    expect(upcastEvent(event, registry)).toBe(event);
  });

  it('leaves events unchanged with the published registry', () => {
    const event = renamedEvent(1, { divisionId: 'div-1', oldName: 'Billing', newName: 'Payments' });

    expect(UPCASTERS.size).toBe(0);
    expect(upcastEvent(event)).toBe(event);
  });

  it('rejects two upcasters for the same step', () => {
    const upcaster = { type: 'DivisionRenamed', fromVersion: 1, upcast: (data: unknown) => data };

    expect(() => createUpcasterRegistry([upcaster, upcaster])).toThrow('Two upcasters for DivisionRenamed at schemaVersion 1; keep one.');
  });
});
