import type { Role } from './roles';

/** The user who caused an event, as the verified access token named them. */
export interface Actor {
  userId: string;
  role: Role | 'system';
}

/**
 * The envelope of every event that Regu stores and publishes to Kafka.
 * The Kafka message key is `streamId`, so the events of one aggregate stay in order.
 */
export interface EventEnvelope<TType extends string = string, TData = unknown> {
  eventId: string;
  /** PascalCase, past tense, for example `DivisionCreated`. The string is the contract. */
  type: TType;
  /** Bumped on a breaking change of `data`; an upcaster maps older payloads. */
  schemaVersion: number;
  streamId: string;
  /** Position of this event in its stream, starting at 1 with no gaps. */
  streamVersion: number;
  organizationId: string;
  /** ISO 8601 timestamp of the commit that stored the event. */
  occurredAt: string;
  correlationId: string;
  /** The id of the event or request that caused this one. */
  causationId: string;
  actor: Actor;
  data: TData;
}

/** An event as a decider returns it, before the store gives it an id and a position. */
export interface NewEvent<TType extends string = string, TData = unknown> {
  type: TType;
  schemaVersion?: number;
  data: TData;
}
