/**
 * The user aggregate's events are a public contract, so their types live in
 * `@regu/contracts`. Passwords are not event-sourced: the identity service stores the
 * argon2id hash in its `credentials` collection, which the outbox relay never reads,
 * and `UserPasswordChanged` only records that a change happened.
 */
export {
  USER_EVENT_TYPES,
  type UserEvent,
  type UserEventType,
  type UserFailedLoginsReset,
  type UserDeactivated,
  type UserDeleted,
  type UserLockedOut,
  type UserLoginFailed,
  type UserPasswordChanged,
  type UserProfileChanged,
  type UserReactivated,
  type UserRegistered,
  type UserRoleChanged,
} from '@regu/contracts';

/** The stream type under which the event store keeps user streams. The stream id is the user id. */
export const USER_STREAM_TYPE = 'user';
