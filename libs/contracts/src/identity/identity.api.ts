import type { Role } from '../roles';
import type { UserProfile } from './user.events';

/**
 * Message patterns of the identity service's TCP API. The gateway sends each one a
 * `CommandMessage`; `identity.create-organization` has no gateway route and is sent
 * only by operators and test harnesses that can reach identity's TCP port.
 */
export const IDENTITY_PATTERNS = {
  login: 'identity.login',
  refresh: 'identity.refresh',
  logout: 'identity.logout',
  registerUser: 'identity.register-user',
  editUserProfile: 'identity.edit-user-profile',
  changeUserRole: 'identity.change-user-role',
  deactivateUser: 'identity.deactivate-user',
  reactivateUser: 'identity.reactivate-user',
  deleteUser: 'identity.delete-user',
  changePassword: 'identity.change-password',
  getUser: 'identity.get-user',
  listUsers: 'identity.list-users',
  createOrganization: 'identity.create-organization',
} as const;

export type UserStatus = 'active' | 'deactivated';

/** A user as the identity service returns it. Never carries a password, hash or token. */
export interface UserView extends UserProfile {
  id: string;
  organizationId: string;
  role: Role;
  status: UserStatus;
  /** The stream version: the ETag of the user. */
  version: number;
}

export interface UserPage {
  items: UserView[];
  /** Users that match the filters, on every page. */
  total: number;
  limit: number;
  offset: number;
}

export interface LoginPayload {
  email: string;
  password: string;
}

export interface RefreshPayload {
  refreshToken: string;
}

/** The tokens of a login or a refresh, in the names OAuth 2.0 token responses use, camel-cased. */
export interface TokenPair {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds until the access token expires. */
  expiresIn: number;
  refreshToken: string;
  /** ISO 8601. */
  refreshTokenExpiresAt: string;
}

export interface RegisterUserPayload extends UserProfile {
  role: Role;
  /** The first password, which the user should change. */
  password: string;
}

export interface EditUserProfilePayload {
  userId: string;
  changes: Partial<UserProfile>;
}

export interface ChangeUserRolePayload {
  userId: string;
  role: Role;
}

export interface UserIdPayload {
  userId: string;
}

/** `currentPassword` is required when users change their own password, and ignored for an admin resetting another's. */
export interface ChangePasswordPayload {
  userId: string;
  currentPassword?: string;
  newPassword: string;
}

export interface ListUsersPayload {
  role?: Role;
  /** Case-insensitive text that must occur in the first name, last name, full name or email. */
  q?: string;
  limit: number;
  offset: number;
}

/** Creates an organization and its first admin. */
export interface CreateOrganizationPayload {
  name: string;
  admin: UserProfile & { password: string };
}

export interface CreatedOrganizationView {
  organizationId: string;
  name: string;
  admin: UserView;
}
