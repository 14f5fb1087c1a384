import type { DivisionEvent } from '@regu/contracts';
import type { OrganizationStreamRepository } from '../../common/organization-stream.repository';
import type { DivisionState } from '../domain/division.evolve';

/** The event store's stream type of divisions; the stream id is the division id. */
export const DIVISION_STREAM_TYPE = 'division';

export const DIVISION_REPOSITORY = Symbol('DIVISION_REPOSITORY');

export type DivisionRepository = Pick<OrganizationStreamRepository<DivisionState, DivisionEvent>, 'load' | 'append' | 'fold'>;
