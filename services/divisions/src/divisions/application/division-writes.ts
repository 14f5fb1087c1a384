import type { DivisionEvent } from '@regu/contracts';
import type { CommandActor } from '@regu/service-kit';
import type { LoadedStream } from '../../common/organization-stream.repository';
import { DivisionNotFound } from '../domain/division.errors';
import type { ActiveDivision, DivisionState } from '../domain/division.evolve';
import type { DivisionRepository } from './division.ports';

export interface DivisionWriteResult {
  state: DivisionState;
  version: number;
}

/** Returns the loaded division, or throws DivisionNotFound for an unknown, deleted or other organization's id. */
export function requireActiveDivision(divisionId: string, loaded: LoadedStream<DivisionState>): ActiveDivision {
  if (loaded.state.status !== 'active') {
    throw new DivisionNotFound(divisionId);
  }
  return loaded.state;
}

/**
 * Appends what a decider returned at `expectedVersion` and returns the state after it.
 * No events means a no-op: nothing is written and the version stays.
 */
export async function appendDivisionEvents(
  repository: DivisionRepository,
  divisionId: string,
  loaded: LoadedStream<DivisionState>,
  expectedVersion: number,
  events: DivisionEvent[],
  actor: CommandActor,
  causationId?: string,
): Promise<DivisionWriteResult> {
  if (events.length === 0) {
    return { state: loaded.state, version: loaded.version };
  }
  const result = await repository.append(divisionId, expectedVersion, events, actor, causationId);
  return { state: repository.fold(loaded.state, events), version: result.nextVersion };
}
