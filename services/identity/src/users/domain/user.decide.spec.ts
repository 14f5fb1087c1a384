import { randomUUID } from 'node:crypto';
import type { DomainError, Role, UserEvent, UserRegistered } from '@regu/contracts';
import {
  changePassword,
  changeUserRole,
  deactivateUser,
  deleteUser,
  editUserProfile,
  reactivateUser,
  recordFailedLogin,
  recordSuccessfulLogin,
  registerFirstAdmin,
  registerUser,
  type Caller,
} from './user.decide';
import {
  CurrentPasswordIncorrectError,
  EmailAlreadyUsedError,
  OnlyAdminsManageUsersError,
  OwnAccessChangeNotAllowedError,
  PasswordChangeForbiddenError,
  UserAlreadyExistsError,
  UserDeactivatedError,
  UserLockedOutError,
  UserNotFoundError,
  UserValidationError,
} from './user.errors';
import { foldUser } from './user.evolve';
import type { LockoutPolicy, UserState } from './user.state';

type Decision = (state: UserState) => UserEvent[];

function given(...events: UserEvent[]) {
  const state = foldUser(events);
  return {
    when(decide: Decision) {
      return {
        then(expected: UserEvent[]): void {
          expect(decide(state)).toEqual(expected);
        },
        thenThrows(errorClass: new (...args: never[]) => DomainError, code: string): DomainError {
          let thrown: unknown;
          try {
            decide(state);
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(errorClass);
          expect((thrown as DomainError).code).toBe(code);
          return thrown as DomainError;
        },
      };
    },
  };
}

const POLICY: LockoutPolicy = { maxFailedAttempts: 10, lockDurationMs: 15 * 60 * 1000 };

let organizationId: string;
let adminId: string;
let userId: string;
let admin: Caller;

beforeEach(() => {
  organizationId = randomUUID();
  adminId = randomUUID();
  userId = randomUUID();
  admin = { userId: adminId, organizationId, role: 'admin' };
});

function registered(overrides: Partial<UserRegistered['data']> = {}): UserRegistered {
  return {
    type: 'UserRegistered',
    data: {
      userId,
      organizationId,
      firstName: 'Siti',
      lastName: 'Rahayu',
      email: 'siti@example.co.id',
      phoneNumber: '+6281234567890',
      role: 'agent',
      ...overrides,
    },
  };
}

function callerWithRole(role: Role): Caller {
  return { userId: randomUUID(), organizationId, role };
}

function otherOrganizationAdmin(): Caller {
  return { userId: randomUUID(), organizationId: randomUUID(), role: 'admin' };
}

describe('registerUser', () => {
  const profile = {
    firstName: '  Siti ',
    lastName: 'Rahayu',
    email: '  Siti@Example.CO.ID ',
    phoneNumber: '+62 812-3456-7890',
  };

  it('registers a normalized user in the caller organization', () => {
    given()
      .when((state) => registerUser({ caller: admin, userId, role: 'agent', userIdWithEmail: null, ...profile }, state))
      .then([registered()]);
  });

  it('rejects a caller who is not an admin', () => {
    for (const role of ['supervisor', 'agent'] as const) {
      given()
        .when((state) => registerUser({ caller: callerWithRole(role), userId, role: 'agent', userIdWithEmail: null, ...profile }, state))
        .thenThrows(OnlyAdminsManageUsersError, 'ONLY_ADMINS_MANAGE_USERS');
    }
  });

  it('rejects an email another user has', () => {
    const error = given()
      .when((state) => registerUser({ caller: admin, userId, role: 'agent', userIdWithEmail: randomUUID(), ...profile }, state))
      .thenThrows(EmailAlreadyUsedError, 'EMAIL_ALREADY_USED');

    expect(error.status).toBe(409);
    expect(error.params).toEqual({ email: 'siti@example.co.id' });
  });

  it('rejects an id that is already registered', () => {
    given(registered())
      .when((state) => registerUser({ caller: admin, userId, role: 'agent', userIdWithEmail: null, ...profile }, state))
      .thenThrows(UserAlreadyExistsError, 'USER_ALREADY_EXISTS');
  });

  it('lists every invalid field at once', () => {
    const error = given()
      .when((state) =>
        registerUser(
          { caller: admin, userId, role: 'owner' as Role, userIdWithEmail: null, firstName: ' ', lastName: 'x'.repeat(101), email: 'siti@', phoneNumber: '0812345' },
          state,
        ),
      )
      .thenThrows(UserValidationError, 'VALIDATION_FAILED');

    expect(error.status).toBe(400);
    expect(error.errors).toEqual([
      { field: 'firstName', code: 'FIELD_REQUIRED', message: 'field is required' },
      { field: 'lastName', code: 'INVALID_NAME', message: 'must be 1 to 100 characters without control characters' },
      { field: 'email', code: 'INVALID_EMAIL', message: 'must be a valid email address' },
      { field: 'phoneNumber', code: 'INVALID_PHONE_NUMBER', message: 'must be an E.164 phone number such as +6281234567890' },
      { field: 'role', code: 'INVALID_ROLE', message: 'must be one of admin, supervisor, agent' },
    ]);
  });
});

describe('registerFirstAdmin', () => {
  it('registers an admin without a caller', () => {
    given()
      .when((state) =>
        registerFirstAdmin(
          { userId, organizationId, firstName: 'Siti', lastName: 'Rahayu', email: 'siti@example.co.id', phoneNumber: '+6281234567890', userIdWithEmail: null },
          state,
        ),
      )
      .then([registered({ role: 'admin' })]);
  });

  it('rejects a second registration of the same id', () => {
    given(registered({ role: 'admin' }))
      .when((state) =>
        registerFirstAdmin(
          { userId, organizationId, firstName: 'Siti', lastName: 'Rahayu', email: 'siti@example.co.id', phoneNumber: '+6281234567890', userIdWithEmail: userId },
          state,
        ),
      )
      .thenThrows(UserAlreadyExistsError, 'USER_ALREADY_EXISTS');
  });
});

describe('editUserProfile', () => {
  it('records only the changed fields with old and new values', () => {
    given(registered())
      .when((state) =>
        editUserProfile({ caller: admin, userId, changes: { firstName: 'Siti', lastName: 'Nurhaliza', phoneNumber: '+62 811 000 0000' }, userIdWithEmail: null }, state),
      )
      .then([
        {
          type: 'UserProfileChanged',
          data: { userId, old: { lastName: 'Rahayu', phoneNumber: '+6281234567890' }, new: { lastName: 'Nurhaliza', phoneNumber: '+628110000000' } },
        },
      ]);
  });

  it('changes the email when no other user has it', () => {
    given(registered())
      .when((state) => editUserProfile({ caller: admin, userId, changes: { email: 'Siti.R@Example.co.id' }, userIdWithEmail: null }, state))
      .then([{ type: 'UserProfileChanged', data: { userId, old: { email: 'siti@example.co.id' }, new: { email: 'siti.r@example.co.id' } } }]);
  });

  it('is a no-op when nothing changes', () => {
    given(registered())
      .when((state) => editUserProfile({ caller: admin, userId, changes: { email: ' SITI@example.co.id', firstName: 'Siti' }, userIdWithEmail: userId }, state))
      .then([]);
  });

  it('rejects an email another user has', () => {
    given(registered())
      .when((state) => editUserProfile({ caller: admin, userId, changes: { email: 'budi@example.co.id' }, userIdWithEmail: randomUUID() }, state))
      .thenThrows(EmailAlreadyUsedError, 'EMAIL_ALREADY_USED');
  });

  it('rejects an emptied field as required', () => {
    const error = given(registered())
      .when((state) => editUserProfile({ caller: admin, userId, changes: { lastName: '   ' }, userIdWithEmail: null }, state))
      .thenThrows(UserValidationError, 'VALIDATION_FAILED');

    expect(error.errors).toEqual([{ field: 'lastName', code: 'FIELD_REQUIRED', message: 'field is required' }]);
  });

  it('rejects a caller who is not an admin', () => {
    given(registered())
      .when((state) => editUserProfile({ caller: callerWithRole('supervisor'), userId, changes: { firstName: 'Ayu' }, userIdWithEmail: null }, state))
      .thenThrows(OnlyAdminsManageUsersError, 'ONLY_ADMINS_MANAGE_USERS');
  });

  it('edits a deactivated user', () => {
    given(registered(), { type: 'UserDeactivated', data: { userId } })
      .when((state) => editUserProfile({ caller: admin, userId, changes: { firstName: 'Ayu' }, userIdWithEmail: null }, state))
      .then([{ type: 'UserProfileChanged', data: { userId, old: { firstName: 'Siti' }, new: { firstName: 'Ayu' } } }]);
  });
});

describe('tenancy and existence', () => {
  const commands: [string, (caller: Caller) => Decision][] = [
    ['editUserProfile', (caller) => (state) => editUserProfile({ caller, userId, changes: { firstName: 'Ayu' }, userIdWithEmail: null }, state)],
    ['changeUserRole', (caller) => (state) => changeUserRole({ caller, userId, role: 'supervisor' }, state)],
    ['deactivateUser', (caller) => (state) => deactivateUser({ caller, userId }, state)],
    ['reactivateUser', (caller) => (state) => reactivateUser({ caller, userId }, state)],
    ['deleteUser', (caller) => (state) => deleteUser({ caller, userId }, state)],
    ['changePassword', (caller) => (state) => changePassword({ caller, userId, currentPasswordVerified: true }, state)],
  ];

  it.each(commands)('%s hides another organization user', (_name, command) => {
    const error = given(registered())
      .when(command(otherOrganizationAdmin()))
      .thenThrows(UserNotFoundError, 'USER_NOT_FOUND');

    expect(error.status).toBe(404);
  });

  it.each(commands)('%s rejects an unknown user', (_name, command) => {
    given()
      .when(command(admin))
      .thenThrows(UserNotFoundError, 'USER_NOT_FOUND');
  });

  it.each(commands.filter(([name]) => name !== 'deleteUser'))('%s rejects a deleted user', (_name, command) => {
    given(registered(), { type: 'UserDeleted', data: { userId } })
      .when(command(admin))
      .thenThrows(UserNotFoundError, 'USER_NOT_FOUND');
  });
});

describe('changeUserRole', () => {
  it('records the old and new role', () => {
    given(registered())
      .when((state) => changeUserRole({ caller: admin, userId, role: 'supervisor' }, state))
      .then([{ type: 'UserRoleChanged', data: { userId, oldRole: 'agent', newRole: 'supervisor' } }]);
  });

  it('is a no-op for the current role', () => {
    given(registered())
      .when((state) => changeUserRole({ caller: admin, userId, role: 'agent' }, state))
      .then([]);
  });

  it('rejects an admin demoting themselves', () => {
    const self: Caller = { userId, organizationId, role: 'admin' };

    const error = given(registered({ role: 'admin' }))
      .when((state) => changeUserRole({ caller: self, userId, role: 'agent' }, state))
      .thenThrows(OwnAccessChangeNotAllowedError, 'OWN_ACCESS_CHANGE_NOT_ALLOWED');

    expect(error.status).toBe(409);
  });

  it('rejects a caller who is not an admin', () => {
    given(registered())
      .when((state) => changeUserRole({ caller: callerWithRole('agent'), userId, role: 'admin' }, state))
      .thenThrows(OnlyAdminsManageUsersError, 'ONLY_ADMINS_MANAGE_USERS');
  });

  it('rejects an unknown role', () => {
    given(registered())
      .when((state) => changeUserRole({ caller: admin, userId, role: 'owner' as Role }, state))
      .thenThrows(UserValidationError, 'VALIDATION_FAILED');
  });
});

describe('deactivateUser', () => {
  it('deactivates an active user', () => {
    given(registered())
      .when((state) => deactivateUser({ caller: admin, userId }, state))
      .then([{ type: 'UserDeactivated', data: { userId } }]);
  });

  it('is a no-op for a deactivated user', () => {
    given(registered(), { type: 'UserDeactivated', data: { userId } })
      .when((state) => deactivateUser({ caller: admin, userId }, state))
      .then([]);
  });

  it('rejects an admin deactivating themselves', () => {
    given(registered({ role: 'admin' }))
      .when((state) => deactivateUser({ caller: { userId, organizationId, role: 'admin' }, userId }, state))
      .thenThrows(OwnAccessChangeNotAllowedError, 'OWN_ACCESS_CHANGE_NOT_ALLOWED');
  });

  it('rejects a caller who is not an admin', () => {
    given(registered())
      .when((state) => deactivateUser({ caller: callerWithRole('supervisor'), userId }, state))
      .thenThrows(OnlyAdminsManageUsersError, 'ONLY_ADMINS_MANAGE_USERS');
  });
});

describe('reactivateUser', () => {
  it('reactivates a deactivated user', () => {
    given(registered(), { type: 'UserDeactivated', data: { userId } })
      .when((state) => reactivateUser({ caller: admin, userId }, state))
      .then([{ type: 'UserReactivated', data: { userId } }]);
  });

  it('is a no-op for an active user', () => {
    given(registered())
      .when((state) => reactivateUser({ caller: admin, userId }, state))
      .then([]);
  });

  it('rejects a caller who is not an admin', () => {
    given(registered(), { type: 'UserDeactivated', data: { userId } })
      .when((state) => reactivateUser({ caller: callerWithRole('agent'), userId }, state))
      .thenThrows(OnlyAdminsManageUsersError, 'ONLY_ADMINS_MANAGE_USERS');
  });
});

describe('deleteUser', () => {
  it('deletes an active user', () => {
    given(registered())
      .when((state) => deleteUser({ caller: admin, userId }, state))
      .then([{ type: 'UserDeleted', data: { userId } }]);
  });

  it('deletes a deactivated user', () => {
    given(registered(), { type: 'UserDeactivated', data: { userId } })
      .when((state) => deleteUser({ caller: admin, userId }, state))
      .then([{ type: 'UserDeleted', data: { userId } }]);
  });

  it('is a no-op for a deleted user', () => {
    given(registered(), { type: 'UserDeleted', data: { userId } })
      .when((state) => deleteUser({ caller: admin, userId }, state))
      .then([]);
  });

  it('hides a deleted user of another organization', () => {
    given(registered(), { type: 'UserDeleted', data: { userId } })
      .when((state) => deleteUser({ caller: otherOrganizationAdmin(), userId }, state))
      .thenThrows(UserNotFoundError, 'USER_NOT_FOUND');
  });

  it('rejects an admin deleting themselves', () => {
    given(registered({ role: 'admin' }))
      .when((state) => deleteUser({ caller: { userId, organizationId, role: 'admin' }, userId }, state))
      .thenThrows(OwnAccessChangeNotAllowedError, 'OWN_ACCESS_CHANGE_NOT_ALLOWED');
  });

  it('rejects a caller who is not an admin', () => {
    given(registered())
      .when((state) => deleteUser({ caller: callerWithRole('supervisor'), userId }, state))
      .thenThrows(OnlyAdminsManageUsersError, 'ONLY_ADMINS_MANAGE_USERS');
  });
});

describe('changePassword', () => {
  it('lets users change their own password after proving the current one', () => {
    const self: Caller = { userId, organizationId, role: 'agent' };

    given(registered())
      .when((state) => changePassword({ caller: self, userId, currentPasswordVerified: true }, state))
      .then([{ type: 'UserPasswordChanged', data: { userId, changedBy: userId } }]);
  });

  it('rejects an own change with a wrong current password', () => {
    const self: Caller = { userId, organizationId, role: 'agent' };

    const error = given(registered())
      .when((state) => changePassword({ caller: self, userId, currentPasswordVerified: false }, state))
      .thenThrows(CurrentPasswordIncorrectError, 'CURRENT_PASSWORD_INCORRECT');

    expect(error.errors).toEqual([{ field: 'currentPassword', code: 'CURRENT_PASSWORD_INCORRECT', message: 'The current password is incorrect.' }]);
  });

  it('lets an admin set another user password without the current one', () => {
    given(registered(), { type: 'UserDeactivated', data: { userId } })
      .when((state) => changePassword({ caller: admin, userId, currentPasswordVerified: false }, state))
      .then([{ type: 'UserPasswordChanged', data: { userId, changedBy: adminId } }]);
  });

  it('rejects a supervisor changing another user password', () => {
    const error = given(registered())
      .when((state) => changePassword({ caller: callerWithRole('supervisor'), userId, currentPasswordVerified: true }, state))
      .thenThrows(PasswordChangeForbiddenError, 'PASSWORD_CHANGE_FORBIDDEN');

    expect(error.status).toBe(403);
  });

  it('rejects a deactivated user changing their own password', () => {
    given(registered(), { type: 'UserDeactivated', data: { userId } })
      .when((state) => changePassword({ caller: { userId, organizationId, role: 'agent' }, userId, currentPasswordVerified: true }, state))
      .thenThrows(UserDeactivatedError, 'USER_DEACTIVATED');
  });

  it('puts no password material into the event', () => {
    const events = changePassword({ caller: admin, userId, currentPasswordVerified: false }, foldUser([registered()]));

    expect(Object.keys(events[0]?.data ?? {}).sort()).toEqual(['changedBy', 'userId']);
  });
});

describe('lockout', () => {
  const now = new Date('2025-03-01T08:00:00.000Z');

  function failedLogins(count: number): UserEvent[] {
    return Array.from({ length: count }, (_, index) => ({ type: 'UserLoginFailed', data: { userId, failedAttempts: index + 1 } }) as const);
  }

  it('counts a failed login', () => {
    given(registered(), ...failedLogins(3))
      .when((state) => recordFailedLogin({ userId, now, policy: POLICY }, state))
      .then([{ type: 'UserLoginFailed', data: { userId, failedAttempts: 4 } }]);
  });

  it('locks the user on the tenth failed login', () => {
    given(registered(), ...failedLogins(9))
      .when((state) => recordFailedLogin({ userId, now, policy: POLICY }, state))
      .then([{ type: 'UserLockedOut', data: { userId, failedAttempts: 10, lockedUntil: '2025-03-01T08:15:00.000Z' } }]);
  });

  it('honours a configured policy', () => {
    given(registered(), ...failedLogins(2))
      .when((state) => recordFailedLogin({ userId, now, policy: { maxFailedAttempts: 3, lockDurationMs: 60_000 } }, state))
      .then([{ type: 'UserLockedOut', data: { userId, failedAttempts: 3, lockedUntil: '2025-03-01T08:01:00.000Z' } }]);
  });

  it('does not extend a lock in force', () => {
    given(registered(), { type: 'UserLockedOut', data: { userId, failedAttempts: 10, lockedUntil: '2025-03-01T08:10:00.000Z' } })
      .when((state) => recordFailedLogin({ userId, now, policy: POLICY }, state))
      .then([]);
  });

  it('counts again from one after the lock expired', () => {
    given(registered(), { type: 'UserLockedOut', data: { userId, failedAttempts: 10, lockedUntil: '2025-03-01T07:59:59.999Z' } })
      .when((state) => recordFailedLogin({ userId, now, policy: POLICY }, state))
      .then([{ type: 'UserLoginFailed', data: { userId, failedAttempts: 1 } }]);
  });

  it('ignores failed logins of a deactivated user', () => {
    given(registered(), { type: 'UserDeactivated', data: { userId } })
      .when((state) => recordFailedLogin({ userId, now, policy: POLICY }, state))
      .then([]);
  });

  it('rejects a correct password while locked', () => {
    const error = given(registered(), { type: 'UserLockedOut', data: { userId, failedAttempts: 10, lockedUntil: '2025-03-01T08:10:00.000Z' } })
      .when((state) => recordSuccessfulLogin({ userId, now }, state))
      .thenThrows(UserLockedOutError, 'USER_LOCKED_OUT');

    expect(error.status).toBe(429);
    expect(error.params).toEqual({ lockedUntil: '2025-03-01T08:10:00.000Z' });
  });

  it('resets the count on a successful login', () => {
    given(registered(), ...failedLogins(4))
      .when((state) => recordSuccessfulLogin({ userId, now }, state))
      .then([{ type: 'UserFailedLoginsReset', data: { userId } }]);
  });

  it('clears an expired lock on a successful login', () => {
    given(registered(), { type: 'UserLockedOut', data: { userId, failedAttempts: 10, lockedUntil: '2025-03-01T08:00:00.000Z' } })
      .when((state) => recordSuccessfulLogin({ userId, now }, state))
      .then([{ type: 'UserFailedLoginsReset', data: { userId } }]);
  });

  it('stores nothing for a login with no failures before', () => {
    given(registered())
      .when((state) => recordSuccessfulLogin({ userId, now }, state))
      .then([]);
  });

  it('rejects a successful login of a deactivated user', () => {
    given(registered(), { type: 'UserDeactivated', data: { userId } })
      .when((state) => recordSuccessfulLogin({ userId, now }, state))
      .thenThrows(UserDeactivatedError, 'USER_DEACTIVATED');
  });

  it('rejects a deleted user', () => {
    given(registered(), { type: 'UserDeleted', data: { userId } })
      .when((state) => recordFailedLogin({ userId, now, policy: POLICY }, state))
      .thenThrows(UserNotFoundError, 'USER_NOT_FOUND');
  });
});
