import { randomUUID } from 'node:crypto';
import type { EventEnvelope, UserEvent } from '@regu/contracts';
import { evolveUserListEntry, type UserListEntry } from './user-list-entry';
import { escapeRegExp } from './users.projection';

const userId = randomUUID();

function envelope(event: UserEvent, version = 1): EventEnvelope {
  return {
    eventId: randomUUID(),
    type: event.type,
    schemaVersion: 1,
    streamId: userId,
    streamVersion: version,
    organizationId: randomUUID(),
    occurredAt: `2026-03-01T08:00:0${version}.000Z`,
    correlationId: randomUUID(),
    causationId: randomUUID(),
    actor: { userId: randomUUID(), role: 'admin' },
    data: event.data,
  };
}

const registered = envelope({ type: 'UserRegistered', data: { userId, organizationId: randomUUID(), firstName: 'Ani', lastName: 'Wijaya', email: 'ani@example.com', phoneNumber: '+6281234567890', role: 'agent' } });
let entry: UserListEntry;

beforeEach(() => {
  entry = evolveUserListEntry(null, registered) as UserListEntry;
});

describe('evolveUserListEntry', () => {
  it('adds a registered user with lowercase search text', () => {
    expect(entry).toEqual({
      firstName: 'Ani',
      lastName: 'Wijaya',
      email: 'ani@example.com',
      phoneNumber: '+6281234567890',
      role: 'agent',
      status: 'active',
      registeredAt: '2026-03-01T08:00:01.000Z',
      updatedAt: '2026-03-01T08:00:01.000Z',
      searchText: ['ani wijaya', 'wijaya ani', 'ani@example.com'],
      sortName: 'wijaya ani',
    });
  });

  it('applies a profile change to the search text', () => {
    const changed = evolveUserListEntry(entry, envelope({ type: 'UserProfileChanged', data: { userId, old: { lastName: 'Wijaya' }, new: { lastName: 'Putri' } } }, 2));

    expect(changed).toMatchObject({ lastName: 'Putri', searchText: ['ani putri', 'putri ani', 'ani@example.com'], sortName: 'putri ani', updatedAt: '2026-03-01T08:00:02.000Z' });
  });

  it('applies role and status changes', () => {
    expect(evolveUserListEntry(entry, envelope({ type: 'UserRoleChanged', data: { userId, oldRole: 'agent', newRole: 'supervisor' } }, 2))).toMatchObject({ role: 'supervisor' });
    expect(evolveUserListEntry(entry, envelope({ type: 'UserDeactivated', data: { userId } }, 2))).toMatchObject({ status: 'deactivated' });
    expect(evolveUserListEntry({ ...entry, status: 'deactivated' }, envelope({ type: 'UserReactivated', data: { userId } }, 3))).toMatchObject({ status: 'active' });
  });

  it('removes a deleted user', () => {
    expect(evolveUserListEntry(entry, envelope({ type: 'UserDeleted', data: { userId } }, 2))).toBeNull();
  });

  it.each<UserEvent>([
    { type: 'UserPasswordChanged', data: { userId, changedBy: userId } },
    { type: 'UserLoginFailed', data: { userId, failedAttempts: 1 } },
    { type: 'UserLockedOut', data: { userId, failedAttempts: 10, lockedUntil: '2026-03-01T08:15:00.000Z' } },
    { type: 'UserFailedLoginsReset', data: { userId } },
  ])('keeps the entry for $type', (event) => {
    expect(evolveUserListEntry(entry, envelope(event, 2))).toBe(entry);
  });
});

describe('escapeRegExp', () => {
  it.each(['.*', '^a$', 'a|b', '(x)', '[a-z]+', '\\d', '{1}', 'a/b'])('makes %p match only itself', (text) => {
    expect(new RegExp(escapeRegExp(text)).test(text)).toBe(true);
    expect(new RegExp(`^${escapeRegExp(text)}$`).test('anything else')).toBe(false);
  });
});
