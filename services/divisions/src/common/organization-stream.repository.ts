import type { EventEnvelope, NewEvent } from '@regu/contracts';
import { StreamVersionConflictError, type AppendResult, type MongoEventStore } from '@regu/event-sourcing';
import type { CommandActor, EventSourcedRepository } from '@regu/service-kit';

export interface LoadedStream<TState> {
  state: TState;
  /** The stream version the state was built from, 0 for a stream with no events. */
  version: number;
}

/**
 * Loads and appends the streams of one aggregate type, scoped to an organization. A
 * stream whose events belong to another organization loads as the initial state at
 * version 0, so a caller cannot tell it from an unknown id and gets the same 404.
 */
export class OrganizationStreamRepository<TState, TEvent extends NewEvent> {
  constructor(
    private readonly store: MongoEventStore,
    private readonly repository: EventSourcedRepository<TState, TEvent>,
    private readonly initialState: () => TState,
    private readonly evolve: (state: TState, event: TEvent) => TState,
  ) {}

  async load(organizationId: string, streamId: string): Promise<LoadedStream<TState>> {
    const { version, events } = await this.store.readStream(streamId);
    if (events.length > 0 && events[0].organizationId !== organizationId) {
      return { state: this.initialState(), version: 0 };
    }
    return { state: this.fold(this.initialState(), events as unknown as TEvent[]), version };
  }

  /**
   * Appends `events` at `expectedVersion`. Throws StreamVersionConflictError when the
   * stream moved on. The gateway returns 412 for it after an If-Match, else 409.
   */
  async append(streamId: string, expectedVersion: number, events: TEvent[], actor: CommandActor, causationId?: string): Promise<AppendResult> {
    return this.repository.append(streamId, expectedVersion, events, actor, causationId);
  }

  fold(state: TState, events: readonly TEvent[]): TState {
    return events.reduce((current, event) => this.evolve(current, event), state);
  }
}

/**
 * Throws the store's conflict error when the client's If-Match version is not the
 * loaded one. Needed before a no-op, which appends nothing and so never conflicts.
 */
export function assertExpectedVersion(streamId: string, expectedVersion: number | undefined, loadedVersion: number): void {
  if (expectedVersion !== undefined && expectedVersion !== loadedVersion) {
    throw new StreamVersionConflictError(streamId, expectedVersion, loadedVersion);
  }
}

/** Casts a stored envelope to the event union its stream type holds. */
export function asEvent<TEvent>(envelope: EventEnvelope): TEvent {
  return envelope as unknown as TEvent;
}
