import type { CallerContext, UserEvent, UserView } from '@regu/contracts';
import { StreamVersionConflictError } from '@regu/event-sourcing';
import type { Loaded } from '@regu/service-kit';
import { evolveUser } from '../domain/user.evolve';
import type { UserState } from '../domain/user.state';
import type { UserStreams } from './ports';
import { requireUserOf, toUserView } from './user-view';

/**
 * Loads a user for a command and checks the client's `If-Match` version, so a stale
 * version fails with 412 even when the command turns out to change nothing.
 */
export async function loadForCommand(users: UserStreams, userId: string, expectedVersion: number | undefined): Promise<Loaded<UserState>> {
  const loaded = await users.load(userId);
  if (expectedVersion !== undefined && expectedVersion !== loaded.version) {
    throw new StreamVersionConflictError(userId, expectedVersion, loaded.version);
  }
  return loaded;
}

/** Appends the decider's events, if any, and returns the user as it is afterwards. */
export async function appendAndView(users: UserStreams, userId: string, loaded: Loaded<UserState>, events: UserEvent[], caller: CallerContext): Promise<UserView> {
  const result = await users.append(userId, loaded.version, events, caller);
  const state = events.reduce(evolveUser, loaded.state);
  return toUserView(requireUserOf(state, caller.organizationId, userId), result.nextVersion);
}
