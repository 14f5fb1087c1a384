import { randomUUID } from 'node:crypto';
import type { OrganizationEvent } from '@regu/contracts';
import type { CommandActor, Loaded } from '@regu/service-kit';
import { usersFixture } from '../../../users/application/test-support/in-memory-users';
import { foldOrganization } from '../../domain/organization.evolve';
import type { OrganizationState } from '../../domain/organization.state';
import { BootstrapOrganization, deterministicUuid } from '../bootstrap/bootstrap-organization';
import { CreateOrganizationHandler, type OrganizationStreams } from './create-organization.handler';

class InMemoryOrganizations implements OrganizationStreams {
  readonly streams = new Map<string, OrganizationEvent[]>();

  async load(organizationId: string): Promise<Loaded<OrganizationState>> {
    const events = this.streams.get(organizationId) ?? [];
    return { state: foldOrganization(events), version: events.length };
  }

  async append(organizationId: string, expectedVersion: number, events: OrganizationEvent[], actor: CommandActor) {
    void actor;
    this.streams.set(organizationId, [...(this.streams.get(organizationId) ?? []), ...events]);
    return { nextVersion: expectedVersion + events.length, events: [] };
  }
}

const admin = { firstName: 'Dewi', lastName: 'Lestari', email: 'dewi@example.com', phoneNumber: '+6281234567890', password: 'first-admin-password' };

describe('CreateOrganizationHandler', () => {
  it('creates the organization and its first admin', async () => {
    const fixture = usersFixture();
    const organizations = new InMemoryOrganizations();
    const handler = new CreateOrganizationHandler(organizations, fixture.newUsers, randomUUID);

    const created = await handler.execute({ caller: { organizationId: '', userId: '', role: 'agent', correlationId: randomUUID() }, payload: { name: 'Toko Maju', admin } });

    expect(created).toMatchObject({ name: 'Toko Maju', admin: { email: 'dewi@example.com', role: 'admin', organizationId: created.organizationId } });
    expect(organizations.streams.get(created.organizationId)?.map((event) => event.type)).toEqual(['OrganizationCreated']);
    expect((await fixture.credentials.find(created.admin.id))?.passwordHash).toBe('hashed:first-admin-password');
  });

  it('stores nothing when the admin password is too short', async () => {
    const fixture = usersFixture();
    const organizations = new InMemoryOrganizations();
    const handler = new CreateOrganizationHandler(organizations, fixture.newUsers, randomUUID);

    await expect(handler.execute({ caller: { organizationId: '', userId: '', role: 'agent', correlationId: randomUUID() }, payload: { name: 'Toko Maju', admin: { ...admin, password: 'short' } } })).rejects.toMatchObject({
      code: 'PASSWORD_TOO_SHORT',
    });
    expect(organizations.streams.size).toBe(0);
  });
});

describe('BootstrapOrganization', () => {
  it('creates the organization once and changes nothing on restart', async () => {
    const fixture = usersFixture();
    const organizations = new InMemoryOrganizations();
    const bootstrap = new BootstrapOrganization(organizations, new CreateOrganizationHandler(organizations, fixture.newUsers, randomUUID));
    const settings = { organizationName: 'Regu Demo', adminEmail: 'admin@regu.local', adminPassword: 'Regu-admin-2026!' };

    const first = await bootstrap.run(settings);
    const second = await bootstrap.run({ ...settings, adminPassword: 'another-password-1' });

    expect(second).toEqual(first);
    expect(first.organizationId).toBe(deterministicUuid('organization:Regu Demo'));
    expect(organizations.streams.get(first.organizationId)).toHaveLength(1);
    expect(fixture.users.eventsOf(first.admin.id)).toHaveLength(1);
    expect((await fixture.credentials.find(first.admin.id))?.passwordHash).toBe('hashed:Regu-admin-2026!');
  });

  it('finishes a bootstrap that stopped before the admin was registered', async () => {
    const fixture = usersFixture();
    const organizations = new InMemoryOrganizations();
    const organizationId = deterministicUuid('organization:Regu Demo');
    const firstAdminUserId = deterministicUuid(`first-admin:${organizationId}`);
    organizations.streams.set(organizationId, [{ type: 'OrganizationCreated', data: { organizationId, name: 'Regu Demo', firstAdminUserId } }]);
    const bootstrap = new BootstrapOrganization(organizations, new CreateOrganizationHandler(organizations, fixture.newUsers, randomUUID));

    const result = await bootstrap.run({ organizationName: 'Regu Demo', adminEmail: 'admin@regu.local', adminPassword: 'Regu-admin-2026!' });

    expect(result.admin).toMatchObject({ id: firstAdminUserId, email: 'admin@regu.local', role: 'admin' });
  });

  it('derives a valid UUID', () => {
    expect(deterministicUuid('organization:Regu Demo')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
