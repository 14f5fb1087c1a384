/** The organization aggregate's events are a public contract, so their types live in `@regu/contracts`. */
export { ORGANIZATION_EVENT_TYPES, type OrganizationCreated, type OrganizationEvent, type OrganizationEventType } from '@regu/contracts';

/** The stream type under which the event store keeps organization streams. The stream id is the organization id. */
export const ORGANIZATION_STREAM_TYPE = 'organization';
