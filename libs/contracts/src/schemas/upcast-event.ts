import type { EventEnvelope } from '../envelope';

/** Maps the `data` of one event type from `fromVersion` to `fromVersion + 1`. */
export interface Upcaster {
  type: string;
  fromVersion: number;
  upcast(data: unknown, envelope: EventEnvelope): unknown;
}

/** Upcasters keyed by `${type}@${fromVersion}`. */
export type UpcasterRegistry = ReadonlyMap<string, Upcaster>;

export function createUpcasterRegistry(upcasters: readonly Upcaster[]): UpcasterRegistry {
  const registry = new Map<string, Upcaster>();
  for (const upcaster of upcasters) {
    const key = upcasterKey(upcaster.type, upcaster.fromVersion);
    if (registry.has(key)) {
      throw new Error(`Two upcasters for ${upcaster.type} at schemaVersion ${upcaster.fromVersion}; keep one.`);
    }
    registry.set(key, upcaster);
  }
  return registry;
}

/**
 * The upcasters of the published contract. Empty while every event type is at schema
 * version 1: a breaking change to an event's `data` adds its schema at the next version
 * and an upcaster here from the old one.
 */
export const UPCASTERS: UpcasterRegistry = createUpcasterRegistry([]);

/**
 * Returns the event with its `data` mapped step by step to the newest version the
 * registry reaches (`schemaVersion` updated to match), or the same event when no
 * upcaster starts at its version.
 */
export function upcastEvent<T extends EventEnvelope>(envelope: T, registry: UpcasterRegistry = UPCASTERS): T {
  let current: EventEnvelope = envelope;
  for (;;) {
    const upcaster = registry.get(upcasterKey(current.type, current.schemaVersion));
    if (upcaster === undefined) {
      return current as T;
    }
    current = { ...current, schemaVersion: current.schemaVersion + 1, data: upcaster.upcast(current.data, current) };
  }
}

function upcasterKey(type: string, fromVersion: number): string {
  return `${type}@${fromVersion}`;
}
