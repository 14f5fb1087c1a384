import type { FieldError, OrganizationEvent } from '@regu/contracts';
import { OrganizationAlreadyExistsError, OrganizationValidationError } from './organization.errors';
import type { OrganizationState } from './organization.state';

export const MAX_ORGANIZATION_NAME_LENGTH = 100;

/**
 * Creates an organization together with the id of its first admin. Only the bootstrap
 * sends it, and the application then registers that admin with `registerFirstAdmin`.
 */
export interface CreateOrganization {
  organizationId: string;
  name: string;
  firstAdminUserId: string;
}

/** Repeating the creation with the same name and first admin is a no-op, so the bootstrap is safe to rerun. */
export function createOrganization(command: CreateOrganization, state: OrganizationState): OrganizationEvent[] {
  const name = command.name.trim();
  const errors = validateOrganization(name, command.firstAdminUserId);
  if (errors.length > 0) {
    throw new OrganizationValidationError(errors);
  }

  if (state.status === 'created') {
    if (state.name === name && state.firstAdminUserId === command.firstAdminUserId) {
      return [];
    }
    throw new OrganizationAlreadyExistsError(command.organizationId);
  }

  return [{ type: 'OrganizationCreated', data: { organizationId: command.organizationId, name, firstAdminUserId: command.firstAdminUserId } }];
}

function validateOrganization(name: string, firstAdminUserId: string): FieldError[] {
  const errors: FieldError[] = [];
  if (name === '') {
    errors.push({ field: 'name', code: 'FIELD_REQUIRED', message: 'field is required' });
  } else if (name.length > MAX_ORGANIZATION_NAME_LENGTH) {
    errors.push({ field: 'name', code: 'INVALID_NAME', message: `must be 1 to ${MAX_ORGANIZATION_NAME_LENGTH} characters` });
  }
  if (firstAdminUserId.trim() === '') {
    errors.push({ field: 'firstAdminUserId', code: 'FIELD_REQUIRED', message: 'field is required' });
  }
  return errors;
}
