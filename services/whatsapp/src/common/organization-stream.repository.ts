import type { EventEnvelope, NewEvent } from '@regu/contracts';
import { StreamVersionConflictError, type AppendResult, type MongoEventStore } from '@regu/event-sourcing';
import type { CommandActor, EventSourcedRepository } from '@regu/service-kit';

export interface LoadedStream<TState> {
  state: TState;
  /** The stream version the state was built from, 0 for a stream with no events. */
  version: number;
  /** The organization the stream belongs to, or undefined for a stream with no events. */
  organizationId?: string;
}

/**
 * Loads and appends the streams of one aggregate type. `loadOwned` scopes a load to an
 * organization: a stream of another organization loads as the initial state, so the
 * caller gets the same 404 as for an unknown id.
 */
export class OrganizationStreamRepository<TState, TEvent extends NewEvent> {
  constructor(
    private readonly store: MongoEventStore,
    private readonly repository: EventSourcedRepository<TState, TEvent>,
    private readonly initialState: () => TState,
    private readonly evolve: (state: TState, event: TEvent) => TState,
  ) {}

  /** Loads a stream whatever its organization; for the service's own reactions, such as webhooks. */
  async load(streamId: string): Promise<LoadedStream<TState>> {
    const { version, events } = await this.store.readStream(streamId);
    const state = events.reduce((current, event) => this.evolve(current, asEvent<TEvent>(event)), this.initialState());
    return { state, version, organizationId: events[0]?.organizationId };
  }

  async loadOwned(organizationId: string, streamId: string): Promise<LoadedStream<TState>> {
    const loaded = await this.load(streamId);
    if (loaded.organizationId !== undefined && loaded.organizationId !== organizationId) {
      return { state: this.initialState(), version: 0 };
    }
    return loaded;
  }

  async append(streamId: string, expectedVersion: number, events: TEvent[], actor: CommandActor, causationId?: string): Promise<AppendResult> {
    return this.repository.append(streamId, expectedVersion, events, actor, causationId);
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

/**
 * Runs a load-decide-append step again when another writer appended in between, up to
 * `attempts` times. Only for the service's own reactions (webhooks, sync), never for a
 * client command with If-Match, whose conflict the client must see.
 */
export async function retryOnConflict<T>(step: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await step();
    } catch (error) {
      if (!(error instanceof StreamVersionConflictError) || attempt >= attempts) {
        throw error;
      }
    }
  }
}
