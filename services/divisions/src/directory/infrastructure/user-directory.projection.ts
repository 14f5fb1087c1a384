import type { Collection, Db } from 'mongodb';
import { TOPICS, type EventEnvelope, type Role, type UserEvent } from '@regu/contracts';
import { applyToStreamDocument, type ApplyOutcome, type Projection, type VersionedDocument } from '@regu/event-sourcing';

export type DirectoryUserStatus = 'active' | 'deactivated' | 'deleted';

/** A user of identity as divisions sees it: names for views, role and status for its rules. */
export interface DirectoryUser {
  firstName: string;
  lastName: string;
  role: Role;
  status: DirectoryUserStatus;
}

export type DirectoryUserDocument = VersionedDocument<DirectoryUser>;

export const USER_DIRECTORY_COLLECTION = 'directory_users';

/**
 * Applies one identity user event to the directory entry of its user. A deleted user
 * keeps an entry with status `deleted`, so a division's history can still show the name.
 * Events about passwords and logins change nothing here but still advance the version.
 */
export function evolveDirectoryUser(current: DirectoryUser | null, envelope: EventEnvelope): DirectoryUser | null {
  const event = envelope as unknown as UserEvent;
  if (event.type === 'UserRegistered') {
    const { firstName, lastName, role } = event.data;
    return current ?? { firstName, lastName, role, status: 'active' };
  }
  if (current === null) {
    return null;
  }

  switch (event.type) {
    case 'UserProfileChanged':
      return {
        ...current,
        firstName: event.data.new.firstName ?? current.firstName,
        lastName: event.data.new.lastName ?? current.lastName,
      };
    case 'UserRoleChanged':
      return { ...current, role: event.data.newRole };
    case 'UserDeactivated':
      return current.status === 'deleted' ? current : { ...current, status: 'deactivated' };
    case 'UserReactivated':
      return current.status === 'deleted' ? current : { ...current, status: 'active' };
    case 'UserDeleted':
      return { ...current, status: 'deleted' };
    case 'UserPasswordChanged':
    case 'UserLoginFailed':
    case 'UserLockedOut':
    case 'UserFailedLoginsReset':
      return current;
    default:
      // Identity may add event types; an unknown one must not stop the directory.
      return current;
  }
}

/** Keeps `directory_users` from `identity.user.events`. */
export class UserDirectoryProjection implements Projection {
  readonly topics = [TOPICS.identityUser];
  readonly collection: Collection<DirectoryUserDocument>;

  constructor(
    readonly name: string,
    db: Db,
  ) {
    this.collection = db.collection<DirectoryUserDocument>(USER_DIRECTORY_COLLECTION);
  }

  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ organizationId: 1, role: 1, status: 1 }, { name: 'organization_role_status' });
  }

  apply(event: EventEnvelope): Promise<ApplyOutcome> {
    return applyToStreamDocument<DirectoryUser>(this.collection, event, evolveDirectoryUser);
  }

  async reset(): Promise<void> {
    await this.collection.deleteMany({});
  }
}
