export interface UncreatedOrganization {
  status: 'uncreated';
}

export interface CreatedOrganization {
  status: 'created';
  organizationId: string;
  name: string;
  firstAdminUserId: string;
}

export type OrganizationState = UncreatedOrganization | CreatedOrganization;

export const INITIAL_ORGANIZATION_STATE: OrganizationState = { status: 'uncreated' };
