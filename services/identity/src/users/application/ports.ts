import type { ListUsersPayload, UserEvent, UserPage } from '@regu/contracts';
import type { AppendResult } from '@regu/event-sourcing';
import type { CommandActor, Loaded } from '@regu/service-kit';
import type { UserState } from '../domain/user.state';

/** The user streams in the event store; EventSourcedRepository implements it. */
export interface UserStreams {
  load(userId: string): Promise<Loaded<UserState>>;
  append(userId: string, expectedVersion: number, events: UserEvent[], caller: CommandActor, causationId?: string): Promise<AppendResult>;
}

/** A user's argon2id password hash, kept outside the event store so no event carries it. */
export interface Credentials {
  userId: string;
  organizationId: string;
  passwordHash: string;
  updatedAt: Date;
}

export interface CredentialsRepository {
  find(userId: string): Promise<Credentials | null>;
  /** Inserts or replaces the hash of the user. */
  save(credentials: Credentials): Promise<void>;
  /** Stores the hash only when the user has none yet; returns false when one existed. */
  insertIfAbsent(credentials: Credentials): Promise<boolean>;
  delete(userId: string): Promise<void>;
}

/** Who holds a normalized email: the login is unique across every organization. */
export interface EmailClaim {
  email: string;
  userId: string;
  organizationId: string;
  claimedAt: Date;
}

/**
 * Email reservations. The Mongo implementation keys each claim by the normalized email,
 * so of two concurrent claims the unique `_id` index lets only one insert win.
 */
export interface EmailClaimsRepository {
  find(email: string): Promise<EmailClaim | null>;
  /** Inserts the claim; returns the claim that holds the email afterwards, which is `claim` when this call won. */
  claim(claim: EmailClaim): Promise<EmailClaim>;
  /** Moves a claim from `previousUserId` to `claim.userId`, only if `previousUserId` still holds it. */
  takeOver(previousUserId: string, claim: EmailClaim): Promise<boolean>;
  /** Deletes the claim only if `userId` holds it. */
  release(email: string, userId: string): Promise<void>;
}

/** The users read model that the projection keeps, for lists and search. */
export interface UsersReadModel {
  list(organizationId: string, query: ListUsersPayload): Promise<UserPage>;
}
