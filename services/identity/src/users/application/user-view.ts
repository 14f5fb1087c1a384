import type { UserView } from '@regu/contracts';
import { UserNotFoundError } from '../domain/user.errors';
import type { ActiveUser, DeactivatedUser, UserState } from '../domain/user.state';

/** Returns the user as the API shows it, without login attempts. */
export function toUserView(user: ActiveUser | DeactivatedUser, version: number): UserView {
  return {
    id: user.userId,
    organizationId: user.organizationId,
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
    phoneNumber: user.phoneNumber,
    role: user.role,
    status: user.status,
    version,
  };
}

/** Returns the user when it exists, is not deleted and belongs to `organizationId`; else throws UserNotFoundError. */
export function requireUserOf(state: UserState, organizationId: string, userId: string): ActiveUser | DeactivatedUser {
  if ((state.status !== 'active' && state.status !== 'deactivated') || state.organizationId !== organizationId) {
    throw new UserNotFoundError(userId);
  }
  return state;
}
