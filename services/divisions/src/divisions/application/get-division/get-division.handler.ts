import { Inject, Injectable } from '@nestjs/common';
import type { CallerContext } from '@regu/contracts';
import { DIVISION_REPOSITORY, type DivisionRepository } from '../division.ports';
import { DivisionViewBuilder, type DivisionView } from '../division-view';
import { requireActiveDivision } from '../division-writes';

export interface GetDivisionPayload {
  divisionId: string;
}

/**
 * Reads one division from the event store rather than the list projection, so the
 * version it returns is the current ETag and a client reads its own writes at once.
 */
@Injectable()
export class GetDivisionHandler {
  constructor(
    @Inject(DIVISION_REPOSITORY) private readonly repository: DivisionRepository,
    @Inject(DivisionViewBuilder) private readonly views: Pick<DivisionViewBuilder, 'one'>,
  ) {}

  async execute(caller: CallerContext, payload: GetDivisionPayload): Promise<DivisionView> {
    const loaded = await this.repository.load(caller.organizationId, payload.divisionId);
    const division = requireActiveDivision(payload.divisionId, loaded);
    return this.views.one(caller.organizationId, division, loaded.version);
  }
}
