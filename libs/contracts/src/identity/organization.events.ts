import type { NewEvent } from '../envelope';

/** Events of the organization aggregate, published on `identity.organization.events`. */
export const ORGANIZATION_EVENT_TYPES = {
  created: 'OrganizationCreated',
} as const;

export type OrganizationEventType = (typeof ORGANIZATION_EVENT_TYPES)[keyof typeof ORGANIZATION_EVENT_TYPES];

export interface OrganizationCreatedData {
  organizationId: string;
  name: string;
  /** The admin registered together with the organization, by the bootstrap. */
  firstAdminUserId: string;
}

export type OrganizationCreated = NewEvent<'OrganizationCreated', OrganizationCreatedData>;

export type OrganizationEvent = OrganizationCreated;
