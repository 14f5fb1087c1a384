import { randomUUID } from 'node:crypto';
import type { OrganizationCreated } from '@regu/contracts';
import { createOrganization } from './organization.decide';
import { OrganizationAlreadyExistsError, OrganizationValidationError } from './organization.errors';
import { evolveOrganization, foldOrganization } from './organization.evolve';
import { INITIAL_ORGANIZATION_STATE } from './organization.state';

let organizationId: string;
let firstAdminUserId: string;
let created: OrganizationCreated;

beforeEach(() => {
  organizationId = randomUUID();
  firstAdminUserId = randomUUID();
  created = { type: 'OrganizationCreated', data: { organizationId, name: 'Toko Maju', firstAdminUserId } };
});

describe('createOrganization', () => {
  it('creates the organization with its first admin', () => {
    expect(createOrganization({ organizationId, name: '  Toko Maju ', firstAdminUserId }, INITIAL_ORGANIZATION_STATE)).toEqual([created]);
  });

  it('is a no-op when the bootstrap runs again with the same settings', () => {
    expect(createOrganization({ organizationId, name: 'Toko Maju', firstAdminUserId }, foldOrganization([created]))).toEqual([]);
  });

  it('rejects the same id with another name', () => {
    const state = foldOrganization([created]);

    expect(() => createOrganization({ organizationId, name: 'Toko Lain', firstAdminUserId }, state)).toThrow(OrganizationAlreadyExistsError);
  });

  it('rejects the same id with another first admin', () => {
    const state = foldOrganization([created]);
    let thrown: unknown;
    try {
      createOrganization({ organizationId, name: 'Toko Maju', firstAdminUserId: randomUUID() }, state);
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(OrganizationAlreadyExistsError);
    expect((thrown as OrganizationAlreadyExistsError).status).toBe(409);
    expect((thrown as OrganizationAlreadyExistsError).code).toBe('ORGANIZATION_ALREADY_EXISTS');
  });

  it('rejects a blank name and a blank first admin', () => {
    let thrown: unknown;
    try {
      createOrganization({ organizationId, name: '  ', firstAdminUserId: '' }, INITIAL_ORGANIZATION_STATE);
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(OrganizationValidationError);
    expect((thrown as OrganizationValidationError).errors).toEqual([
      { field: 'name', code: 'FIELD_REQUIRED', message: 'field is required' },
      { field: 'firstAdminUserId', code: 'FIELD_REQUIRED', message: 'field is required' },
    ]);
  });

  it('rejects a name longer than 100 characters', () => {
    expect(() => createOrganization({ organizationId, name: 'x'.repeat(101), firstAdminUserId }, INITIAL_ORGANIZATION_STATE)).toThrow(OrganizationValidationError);
  });
});

describe('evolveOrganization', () => {
  it('records the created organization', () => {
    expect(evolveOrganization(INITIAL_ORGANIZATION_STATE, created)).toEqual({ status: 'created', organizationId, name: 'Toko Maju', firstAdminUserId });
  });

  it('rejects an unknown event type', () => {
    expect(() => evolveOrganization(INITIAL_ORGANIZATION_STATE, { type: 'OrganizationRenamed', data: {} } as unknown as OrganizationCreated)).toThrow(
      'Unknown organization event type: OrganizationRenamed',
    );
  });
});
