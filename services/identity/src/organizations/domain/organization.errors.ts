import { DomainError, type FieldError } from '@regu/contracts';

/** Errors of the organization aggregate. Each code has messages in `IDENTITY_MESSAGES`. */
export const ORGANIZATION_ERROR_CODES = {
  organizationAlreadyExists: 'ORGANIZATION_ALREADY_EXISTS',
  validationFailed: 'VALIDATION_FAILED',
} as const;

/**
 * The bootstrap asked for an organization id that already exists with another name or
 * first admin. The same request again is a no-op instead, so the bootstrap can run on every start.
 */
export class OrganizationAlreadyExistsError extends DomainError {
  constructor(organizationId: string) {
    super(
      ORGANIZATION_ERROR_CODES.organizationAlreadyExists,
      409,
      `Organization ${organizationId} already exists with another name or first admin; keep the bootstrap settings it was created with.`,
      { organizationId },
    );
  }
}

export class OrganizationValidationError extends DomainError {
  constructor(errors: FieldError[]) {
    super(ORGANIZATION_ERROR_CODES.validationFailed, 400, `Invalid fields: ${errors.map((error) => error.field).join(', ')}.`, {}, errors);
  }
}
