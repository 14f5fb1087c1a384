import type { EventEnvelope, Role, UserEvent, UserStatus } from '@regu/contracts';

/** A user in the users read model, with lowercase copies of the searchable fields. */
export interface UserListEntry {
  firstName: string;
  lastName: string;
  email: string;
  phoneNumber: string;
  role: Role;
  status: UserStatus;
  registeredAt: string;
  updatedAt: string;
  /** Lowercase `first last`, `last first` and email: search matches these without a collation, which FerretDB 1.x lacks. */
  searchText: string[];
  /** Lowercase `last first`, for a stable order by name. */
  sortName: string;
}

/**
 * Applies one user event to the list entry. Returns null when the user is deleted;
 * events that change nothing in the list return the entry as it was, so their stream
 * version is still recorded.
 */
export function evolveUserListEntry(current: UserListEntry | null, envelope: EventEnvelope): UserListEntry | null {
  const event = envelope as unknown as UserEvent;
  const at = envelope.occurredAt;
  switch (event.type) {
    case 'UserRegistered': {
      const { firstName, lastName, email, phoneNumber, role } = event.data;
      return withSearch({ firstName, lastName, email, phoneNumber, role, status: 'active', registeredAt: at, updatedAt: at });
    }
    case 'UserProfileChanged':
      return current === null ? null : withSearch({ ...current, ...event.data.new, updatedAt: at });
    case 'UserRoleChanged':
      return current === null ? null : { ...current, role: event.data.newRole, updatedAt: at };
    case 'UserDeactivated':
      return current === null ? null : { ...current, status: 'deactivated', updatedAt: at };
    case 'UserReactivated':
      return current === null ? null : { ...current, status: 'active', updatedAt: at };
    case 'UserDeleted':
      return null;
    case 'UserPasswordChanged':
    case 'UserLoginFailed':
    case 'UserLockedOut':
    case 'UserFailedLoginsReset':
      return current;
    default:
      return assertNever(event);
  }
}

function withSearch(entry: Omit<UserListEntry, 'searchText' | 'sortName'> & Partial<UserListEntry>): UserListEntry {
  const first = entry.firstName.toLowerCase();
  const last = entry.lastName.toLowerCase();
  return {
    firstName: entry.firstName,
    lastName: entry.lastName,
    email: entry.email,
    phoneNumber: entry.phoneNumber,
    role: entry.role,
    status: entry.status,
    registeredAt: entry.registeredAt,
    updatedAt: entry.updatedAt,
    searchText: [`${first} ${last}`, `${last} ${first}`, entry.email.toLowerCase()],
    sortName: `${last} ${first}`,
  };
}

function assertNever(event: never): never {
  throw new Error(`Unknown user event type: ${(event as { type: string }).type}`);
}
