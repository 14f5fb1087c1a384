import { createHash } from 'node:crypto';
import type { CreatedOrganizationView } from '@regu/contracts';
import type { CreateOrganizationHandler, OrganizationStreams } from '../create-organization/create-organization.handler';

export interface BootstrapSettings {
  organizationName: string;
  adminEmail: string;
  adminPassword: string;
}

/** The profile of the first admin, which the admin can edit after logging in. */
const FIRST_ADMIN_PROFILE = { firstName: 'Regu', lastName: 'Admin', phoneNumber: '+6280000000000' };

/**
 * Creates the organization named in the settings and its first admin when they do not
 * exist yet. The organization id is derived from the name, so every restart finds the
 * same organization and changes nothing; renaming BOOTSTRAP_ORGANIZATION_NAME creates a
 * second organization. Once the organization exists, later changes of the admin email
 * or password are ignored: the admin manages the account through the API.
 */
export class BootstrapOrganization {
  constructor(
    private readonly organizations: OrganizationStreams,
    private readonly createOrganization: CreateOrganizationHandler,
  ) {}

  async run(settings: BootstrapSettings): Promise<CreatedOrganizationView> {
    const organizationId = deterministicUuid(`organization:${settings.organizationName.trim()}`);
    const { state } = await this.organizations.load(organizationId);
    const firstAdminUserId = state.status === 'created' ? state.firstAdminUserId : deterministicUuid(`first-admin:${organizationId}`);

    return this.createOrganization.create({
      organizationId,
      firstAdminUserId,
      name: settings.organizationName,
      admin: { ...FIRST_ADMIN_PROFILE, email: settings.adminEmail, password: settings.adminPassword },
      correlationId: `bootstrap-${organizationId}`,
    });
  }
}

/** A UUID (version 8, RFC 9562) computed from SHA-256 of the text, so the same text always gives the same id. */
export function deterministicUuid(text: string): string {
  const bytes = createHash('sha256').update(`regu:${text}`, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
