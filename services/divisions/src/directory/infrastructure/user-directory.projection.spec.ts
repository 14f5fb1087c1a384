import { envelope } from '../../common/test-support/envelopes';
import { evolveDirectoryUser, type DirectoryUser } from './user-directory.projection';

const at = (streamVersion: number) => ({ organizationId: 'org-1', streamId: 'user-1', streamVersion });
const registered = envelope(
  'UserRegistered',
  { userId: 'user-1', organizationId: 'org-1', role: 'agent', firstName: 'Budi', lastName: 'Santoso', email: 'budi@example.com', phoneNumber: '+6281234567890' },
  at(1),
);
const active: DirectoryUser = { firstName: 'Budi', lastName: 'Santoso', role: 'agent', status: 'active' };

describe('evolveDirectoryUser', () => {
  it('adds a registered user as active, without email or phone number', () => {
    expect(evolveDirectoryUser(null, registered)).toEqual(active);
  });

  it.each([
    ['UserProfileChanged', { old: { firstName: 'Budi' }, new: { firstName: 'Budiman' } }, { ...active, firstName: 'Budiman' }],
    ['UserRoleChanged', { oldRole: 'agent', newRole: 'supervisor' }, { ...active, role: 'supervisor' }],
    ['UserDeactivated', {}, { ...active, status: 'deactivated' }],
    ['UserDeleted', {}, { ...active, status: 'deleted' }],
    ['UserPasswordChanged', { changedBy: 'admin-1' }, active],
    ['UserLoginFailed', { failedAttempts: 1 }, active],
    ['UserLockedOut', { failedAttempts: 5, lockedUntil: '2026-01-01T00:15:00.000Z' }, active],
    ['UserFailedLoginsReset', {}, active],
  ])('applies %s', (type, data, expected) => {
    expect(evolveDirectoryUser(active, envelope(type, { userId: 'user-1', ...data }, at(2)))).toEqual(expected);
  });

  it('reactivates a deactivated user', () => {
    expect(evolveDirectoryUser({ ...active, status: 'deactivated' }, envelope('UserReactivated', { userId: 'user-1' }, at(3)))).toEqual(active);
  });

  it('keeps a deleted user deleted', () => {
    expect(evolveDirectoryUser({ ...active, status: 'deleted' }, envelope('UserReactivated', { userId: 'user-1' }, at(3)))).toMatchObject({ status: 'deleted' });
  });

  it('keeps the entry for an event type it does not know', () => {
    expect(evolveDirectoryUser(active, envelope('UserAvatarChanged', { userId: 'user-1' }, at(2)))).toEqual(active);
  });

  it('adds nothing for a change before the registration', () => {
    expect(evolveDirectoryUser(null, envelope('UserDeactivated', { userId: 'user-1' }, at(1)))).toBeNull();
  });
});
