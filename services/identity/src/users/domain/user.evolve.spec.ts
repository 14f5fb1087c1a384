import { randomUUID } from 'node:crypto';
import type { UserEvent, UserRegistered } from '@regu/contracts';
import { evolveUser, foldUser } from './user.evolve';
import { INITIAL_USER_STATE, isLockedOut, type ActiveUser } from './user.state';

let userId: string;
let organizationId: string;
let registered: UserRegistered;
let active: ActiveUser;

beforeEach(() => {
  userId = randomUUID();
  organizationId = randomUUID();
  registered = {
    type: 'UserRegistered',
    data: { userId, organizationId, firstName: 'Budi', lastName: 'Santoso', email: 'budi@example.co.id', phoneNumber: '+6281111111111', role: 'agent' },
  };
  active = { status: 'active', ...registered.data, login: { failedAttempts: 0, lockedUntil: null } };
});

describe('evolveUser', () => {
  it('makes a registered user active with no failed logins', () => {
    expect(evolveUser(INITIAL_USER_STATE, registered)).toEqual(active);
  });

  it('applies the new profile values', () => {
    const state = evolveUser(active, { type: 'UserProfileChanged', data: { userId, old: { lastName: 'Santoso' }, new: { lastName: 'Wijaya' } } });

    expect(state).toEqual({ ...active, lastName: 'Wijaya' });
  });

  it('applies the new role', () => {
    expect(evolveUser(active, { type: 'UserRoleChanged', data: { userId, oldRole: 'agent', newRole: 'supervisor' } })).toEqual({ ...active, role: 'supervisor' });
  });

  it('deactivates and reactivates', () => {
    const deactivated = evolveUser(active, { type: 'UserDeactivated', data: { userId } });

    expect(deactivated).toEqual({ ...active, status: 'deactivated' });
    expect(evolveUser(deactivated, { type: 'UserReactivated', data: { userId } })).toEqual(active);
  });

  it('keeps only the ids of a deleted user', () => {
    expect(evolveUser(active, { type: 'UserDeleted', data: { userId } })).toEqual({ status: 'deleted', userId, organizationId });
  });

  it('leaves the state alone on a password change', () => {
    expect(evolveUser(active, { type: 'UserPasswordChanged', data: { userId, changedBy: userId } })).toBe(active);
  });

  it('tracks failed logins, the lock and the reset', () => {
    const failed = evolveUser(active, { type: 'UserLoginFailed', data: { userId, failedAttempts: 1 } });
    const locked = evolveUser(failed, { type: 'UserLockedOut', data: { userId, failedAttempts: 10, lockedUntil: '2025-03-01T08:15:00.000Z' } });
    const reset = evolveUser(locked, { type: 'UserFailedLoginsReset', data: { userId } });

    expect(failed).toEqual({ ...active, login: { failedAttempts: 1, lockedUntil: null } });
    expect(locked).toEqual({ ...active, login: { failedAttempts: 0, lockedUntil: '2025-03-01T08:15:00.000Z' } });
    expect(reset).toEqual(active);
  });

  it('ignores changes to a user that is not registered', () => {
    const changes: UserEvent[] = [
      { type: 'UserDeactivated', data: { userId } },
      { type: 'UserLoginFailed', data: { userId, failedAttempts: 1 } },
      { type: 'UserDeleted', data: { userId } },
    ];

    expect(foldUser(changes)).toEqual(INITIAL_USER_STATE);
  });

  it('rejects an unknown event type', () => {
    expect(() => evolveUser(active, { type: 'UserRenamed', data: {} } as unknown as UserEvent)).toThrow('Unknown user event type: UserRenamed');
  });
});

describe('isLockedOut', () => {
  const lockedUntil = '2025-03-01T08:15:00.000Z';

  it('is true before the lock ends', () => {
    expect(isLockedOut({ ...active, login: { failedAttempts: 0, lockedUntil } }, new Date('2025-03-01T08:14:59.999Z'))).toBe(true);
  });

  it('is false from the instant the lock ends', () => {
    expect(isLockedOut({ ...active, login: { failedAttempts: 0, lockedUntil } }, new Date(lockedUntil))).toBe(false);
  });

  it('is false for a user never locked', () => {
    expect(isLockedOut(active, new Date())).toBe(false);
  });
});
