import type { CommandMessage, CreatedOrganizationView, CreateOrganizationPayload, OrganizationEvent, UserProfile, UserView } from '@regu/contracts';
import type { CommandActor, EventSourcedRepository } from '@regu/service-kit';
import { storeNewUser, type NewUserDependencies } from '../../../users/application/new-user';
import { requireUserOf, toUserView } from '../../../users/application/user-view';
import { registerFirstAdmin } from '../../../users/domain/user.decide';
import { createOrganization } from '../../domain/organization.decide';
import type { OrganizationState } from '../../domain/organization.state';

export type OrganizationStreams = Pick<EventSourcedRepository<OrganizationState, OrganizationEvent>, 'load' | 'append'>;

export interface NewOrganization {
  organizationId: string;
  firstAdminUserId: string;
  name: string;
  admin: UserProfile & { password: string };
  correlationId: string;
}

/** The actor of the events: no user exists yet, so the service itself. */
const SYSTEM_USER_ID = 'identity';

/**
 * Creates an organization and its first admin. Each step is idempotent, so running it
 * again with the same ids completes a creation that stopped half-way and changes nothing
 * after a complete one. The admin's password is set only when the admin is registered.
 */
export class CreateOrganizationHandler {
  constructor(
    private readonly organizations: OrganizationStreams,
    private readonly newUsers: NewUserDependencies,
    private readonly newId: () => string,
  ) {}

  /** The TCP command: a new organization with fresh ids. */
  async execute({ caller, payload }: CommandMessage<CreateOrganizationPayload>): Promise<CreatedOrganizationView> {
    return this.create({ organizationId: this.newId(), firstAdminUserId: this.newId(), name: payload.name, admin: payload.admin, correlationId: caller.correlationId });
  }

  async create(organization: NewOrganization): Promise<CreatedOrganizationView> {
    const { organizationId, firstAdminUserId } = organization;
    const actor: CommandActor = { organizationId, userId: SYSTEM_USER_ID, role: 'system', correlationId: organization.correlationId };

    const loadedOrganization = await this.organizations.load(organizationId);
    const loadedAdmin = await this.newUsers.users.load(firstAdminUserId);
    // Both deciders run before anything is stored, so invalid input stores nothing.
    const organizationEvents = createOrganization({ organizationId, name: organization.name, firstAdminUserId }, loadedOrganization.state);
    const adminEvents =
      loadedAdmin.state.status === 'unregistered'
        ? registerFirstAdmin({ ...pickProfile(organization.admin), userId: firstAdminUserId, organizationId, userIdWithEmail: null }, loadedAdmin.state)
        : [];
    if (adminEvents.length > 0) {
      this.newUsers.policy.assertAcceptable(organization.admin.password, organization.admin.email);
    }

    await this.organizations.append(organizationId, loadedOrganization.version, organizationEvents, actor);
    const admin: UserView =
      adminEvents.length > 0
        ? await storeNewUser(this.newUsers, adminEvents, organization.admin.password, actor)
        : toUserView(requireUserOf(loadedAdmin.state, organizationId, firstAdminUserId), loadedAdmin.version);

    const name = loadedOrganization.state.status === 'created' ? loadedOrganization.state.name : organization.name.trim();
    return { organizationId, name, admin };
  }
}

function pickProfile(profile: UserProfile): UserProfile {
  return { firstName: String(profile.firstName ?? ''), lastName: String(profile.lastName ?? ''), email: String(profile.email ?? ''), phoneNumber: String(profile.phoneNumber ?? '') };
}
