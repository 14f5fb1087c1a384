import { Inject, Injectable, Logger } from '@nestjs/common';
import type { CallerContext, DivisionDeletedData } from '@regu/contracts';
import { assertExpectedVersion } from '../../../common/organization-stream.repository';
import { deleteDivision } from '../../domain/division.decide';
import { DivisionNameClaims } from '../../infrastructure/division-name-claims';
import { DIVISION_REPOSITORY, type DivisionRepository } from '../division.ports';
import { appendDivisionEvents } from '../division-writes';

export interface DeleteDivisionPayload {
  divisionId: string;
}

export interface DeleteDivisionResult {
  id: string;
  version: number;
}

/**
 * Deletes a division and frees its name. Deleting a deleted division is a no-op, even
 * with a stale If-Match, and so is an id that never existed or belongs to another
 * organization: a delete is idempotent, and a 404 would tell which ids exist elsewhere.
 */
@Injectable()
export class DeleteDivisionHandler {
  private readonly logger = new Logger(DeleteDivisionHandler.name);

  constructor(
    @Inject(DIVISION_REPOSITORY) private readonly repository: DivisionRepository,
    @Inject(DivisionNameClaims) private readonly nameClaims: Pick<DivisionNameClaims, 'release'>,
  ) {}

  async execute(caller: CallerContext, payload: DeleteDivisionPayload, expectedVersion?: number): Promise<DeleteDivisionResult> {
    const { organizationId } = caller;
    const { divisionId } = payload;
    const loaded = await this.repository.load(organizationId, divisionId);
    if (loaded.state.status !== 'active') {
      return { id: divisionId, version: loaded.version };
    }
    assertExpectedVersion(divisionId, expectedVersion, loaded.version);

    const events = deleteDivision(payload, loaded.state);
    const result = await appendDivisionEvents(this.repository, divisionId, loaded, loaded.version, events, caller);
    if (events.length > 0) {
      const { name } = events[0].data as DivisionDeletedData;
      await this.nameClaims.release(organizationId, name, divisionId);
      this.logger.log({ organizationId, streamId: divisionId, version: result.version, correlationId: caller.correlationId }, 'division deleted');
    }
    return { id: divisionId, version: result.version };
  }
}
