import type { CallerContext, NewEvent } from '@regu/contracts';
import { StreamVersionConflictError, type AppendResult } from '@regu/event-sourcing';
import type { CommandActor } from '@regu/service-kit';
import type { LoadedStream } from '../organization-stream.repository';

export interface RecordedAppend<TEvent> {
  streamId: string;
  expectedVersion: number;
  events: TEvent[];
  actor: CommandActor;
  causationId?: string;
}

/**
 * A stand-in for OrganizationStreamRepository in handler specs: streams live in memory,
 * another organization's stream loads as empty, and every append is recorded.
 */
export class InMemoryStreamRepository<TState, TEvent extends NewEvent> {
  readonly appends: RecordedAppend<TEvent>[] = [];
  private readonly streams = new Map<string, { organizationId: string; events: TEvent[] }>();

  constructor(
    private readonly initialState: () => TState,
    private readonly evolve: (state: TState, event: TEvent) => TState,
  ) {}

  /** Stores events as if earlier commands had appended them. */
  given(organizationId: string, streamId: string, ...events: TEvent[]): this {
    const stream = this.streams.get(streamId) ?? { organizationId, events: [] };
    stream.events.push(...events);
    this.streams.set(streamId, stream);
    return this;
  }

  async load(organizationId: string, streamId: string): Promise<LoadedStream<TState>> {
    const stream = this.streams.get(streamId);
    if (stream === undefined || stream.organizationId !== organizationId) {
      return { state: this.initialState(), version: 0 };
    }
    return { state: this.fold(this.initialState(), stream.events), version: stream.events.length };
  }

  async append(streamId: string, expectedVersion: number, events: TEvent[], actor: CommandActor, causationId?: string): Promise<AppendResult> {
    const stream = this.streams.get(streamId) ?? { organizationId: actor.organizationId, events: [] };
    if (stream.events.length !== expectedVersion) {
      throw new StreamVersionConflictError(streamId, expectedVersion, stream.events.length);
    }
    stream.events.push(...events);
    this.streams.set(streamId, stream);
    this.appends.push({ streamId, expectedVersion, events, actor, causationId });
    return { nextVersion: stream.events.length, events: [] };
  }

  fold(state: TState, events: readonly TEvent[]): TState {
    return events.reduce((current, event) => this.evolve(current, event), state);
  }
}

/** Returns an admin caller of the given organization, for specs. */
export function callerOf(organizationId: string, role: CallerContext['role'] = 'admin'): CallerContext {
  return { organizationId, userId: `admin-of-${organizationId}`, role, correlationId: `correlation-${organizationId}` };
}
