import type { CallerContext } from '@regu/contracts';
import { OnlyAdminsManageUsersError } from '../domain/user.errors';
import type { UserStreams } from './ports';

/**
 * Checks the caller's own stream, not only the token: an access token stays valid for
 * up to 15 minutes after its admin was deactivated, deleted or demoted, and without
 * this check two admins could deactivate each other and leave the organization with none.
 */
export async function requireActiveAdmin(users: UserStreams, caller: CallerContext): Promise<void> {
  if (caller.role !== 'admin') {
    throw new OnlyAdminsManageUsersError();
  }
  const { state } = await users.load(caller.userId);
  if (state.status !== 'active' || state.role !== 'admin' || state.organizationId !== caller.organizationId) {
    throw new OnlyAdminsManageUsersError();
  }
}
