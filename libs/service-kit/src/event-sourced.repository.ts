import type { Actor, CallerContext, EventEnvelope, NewEvent } from '@regu/contracts';
import type { AppendResult, MongoEventStore, OutboxRelay } from '@regu/event-sourcing';

/** The caller of a command, or the service itself (`role: 'system'`) when it reacts to another service's event. */
export type CommandActor = Omit<CallerContext, 'role'> & { role: Actor['role'] };

export interface Loaded<TState> {
  state: TState;
  /** The stream version the state was built from: the expected version of the next append. */
  version: number;
}

/**
 * Loads an aggregate by folding its stream with `evolve`, and appends the events a
 * decider returned at the version it was loaded at. After an append it wakes the
 * outbox relay, so the events reach Kafka without waiting for the next poll.
 */
export class EventSourcedRepository<TState, TEvent extends NewEvent = NewEvent> {
  constructor(
    private readonly store: MongoEventStore,
    private readonly relay: OutboxRelay,
    private readonly streamType: string,
    private readonly initialState: () => TState,
    private readonly evolve: (state: TState, event: EventEnvelope) => TState,
  ) {}

  async load(streamId: string): Promise<Loaded<TState>> {
    const { version, events } = await this.store.readStream(streamId);
    const state = events.reduce((current, event) => this.evolve(current, event), this.initialState());
    return { state, version };
  }

  async append(streamId: string, expectedVersion: number, events: TEvent[], caller: CommandActor, causationId?: string): Promise<AppendResult> {
    const result = await this.store.append(this.streamType, streamId, expectedVersion, events, {
      organizationId: caller.organizationId,
      correlationId: caller.correlationId,
      causationId: causationId ?? caller.correlationId,
      actor: { userId: caller.userId, role: caller.role },
    });
    if (result.events.length > 0) {
      this.relay.notify();
    }
    return result;
  }
}
