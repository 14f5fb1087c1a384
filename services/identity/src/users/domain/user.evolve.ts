import type { UserEvent } from '@regu/contracts';
import { INITIAL_USER_STATE, type UserState } from './user.state';

/** Applies one event to the state. Works on stored envelopes too, since it reads only `type` and `data`. */
export function evolveUser(state: UserState, event: UserEvent): UserState {
  switch (event.type) {
    case 'UserRegistered':
      return {
        status: 'active',
        ...event.data,
        login: { failedAttempts: 0, lockedUntil: null },
      };
    case 'UserProfileChanged':
      return whenRegistered(state, (user) => ({ ...user, ...event.data.new }));
    case 'UserRoleChanged':
      return whenRegistered(state, (user) => ({ ...user, role: event.data.newRole }));
    case 'UserDeactivated':
      return whenRegistered(state, (user) => ({ ...user, status: 'deactivated' }));
    case 'UserReactivated':
      return whenRegistered(state, (user) => ({ ...user, status: 'active' }));
    case 'UserDeleted':
      return whenRegistered(state, (user) => ({ status: 'deleted', userId: user.userId, organizationId: user.organizationId }));
    case 'UserPasswordChanged':
      return state;
    case 'UserLoginFailed':
      return whenRegistered(state, (user) => ({ ...user, login: { ...user.login, failedAttempts: event.data.failedAttempts } }));
    case 'UserLockedOut':
      return whenRegistered(state, (user) => ({ ...user, login: { failedAttempts: 0, lockedUntil: event.data.lockedUntil } }));
    case 'UserFailedLoginsReset':
      return whenRegistered(state, (user) => ({ ...user, login: { failedAttempts: 0, lockedUntil: null } }));
    default:
      return assertNever(event);
  }
}

/** Rebuilds a user's state from its stream, oldest event first. */
export function foldUser(events: readonly UserEvent[]): UserState {
  return events.reduce(evolveUser, INITIAL_USER_STATE);
}

/**
 * Applies `change` only to an active or deactivated user. Deciders never emit other
 * events for an unregistered or deleted user, so a stream that does is left as it is.
 */
function whenRegistered(state: UserState, change: (user: Extract<UserState, { status: 'active' | 'deactivated' }>) => UserState): UserState {
  if (state.status !== 'active' && state.status !== 'deactivated') {
    return state;
  }
  return change(state);
}

function assertNever(event: never): never {
  throw new Error(`Unknown user event type: ${(event as { type: string }).type}`);
}
