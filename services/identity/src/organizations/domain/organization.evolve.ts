import type { OrganizationEvent } from '@regu/contracts';
import { INITIAL_ORGANIZATION_STATE, type OrganizationState } from './organization.state';

export function evolveOrganization(state: OrganizationState, event: OrganizationEvent): OrganizationState {
  switch (event.type) {
    case 'OrganizationCreated':
      return { status: 'created', ...event.data };
    default:
      return assertNever(event.type);
  }
}

/** Rebuilds an organization's state from its stream, oldest event first. */
export function foldOrganization(events: readonly OrganizationEvent[]): OrganizationState {
  return events.reduce(evolveOrganization, INITIAL_ORGANIZATION_STATE);
}

function assertNever(type: never): never {
  throw new Error(`Unknown organization event type: ${String(type)}`);
}
