import { randomUUID } from 'node:crypto';
import type { EventEnvelope, NewEvent } from '@regu/contracts';
import { StreamVersionConflictError, type AppendResult } from '@regu/event-sourcing';
import type { CommandActor } from '@regu/service-kit';
import type { LoadedStream, OrganizationStreamRepository } from '../organization-stream.repository';

/**
 * An OrganizationStreamRepository kept in memory for handler specs: same version checks
 * and organization scoping, and every appended envelope in `appended`.
 */
export class InMemoryStreamRepository<TState, TEvent extends NewEvent> {
  readonly streams = new Map<string, EventEnvelope[]>();
  readonly appended: EventEnvelope[] = [];

  constructor(
    private readonly initialState: () => TState,
    private readonly evolve: (state: TState, event: TEvent) => TState,
  ) {}

  asRepository(): OrganizationStreamRepository<TState, TEvent> {
    return this as unknown as OrganizationStreamRepository<TState, TEvent>;
  }

  async load(streamId: string): Promise<LoadedStream<TState>> {
    const events = this.streams.get(streamId) ?? [];
    const state = events.reduce((current, event) => this.evolve(current, event as unknown as TEvent), this.initialState());
    return { state, version: events.length, organizationId: events[0]?.organizationId };
  }

  async loadOwned(organizationId: string, streamId: string): Promise<LoadedStream<TState>> {
    const loaded = await this.load(streamId);
    return loaded.organizationId !== undefined && loaded.organizationId !== organizationId ? { state: this.initialState(), version: 0 } : loaded;
  }

  async append(streamId: string, expectedVersion: number, events: TEvent[], actor: CommandActor, causationId?: string): Promise<AppendResult> {
    const stream = this.streams.get(streamId) ?? [];
    if (stream.length !== expectedVersion) {
      throw new StreamVersionConflictError(streamId, expectedVersion, stream.length);
    }
    const envelopes = events.map((event, index): EventEnvelope => ({
      eventId: randomUUID(),
      type: event.type,
      schemaVersion: 1,
      streamId,
      streamVersion: expectedVersion + index + 1,
      organizationId: actor.organizationId,
      occurredAt: new Date().toISOString(),
      correlationId: actor.correlationId,
      causationId: causationId ?? actor.correlationId,
      actor: { userId: actor.userId, role: actor.role },
      data: event.data,
    }));
    stream.push(...envelopes);
    this.streams.set(streamId, stream);
    this.appended.push(...envelopes);
    return { nextVersion: stream.length, events: envelopes };
  }

  /** Stores events as if earlier commands had appended them. */
  async given(streamId: string, events: TEvent[], organizationId: string): Promise<void> {
    const version = this.streams.get(streamId)?.length ?? 0;
    await this.append(streamId, version, events, { organizationId, userId: 'given', role: 'admin', correlationId: 'given' });
    this.appended.length = 0;
  }
}
