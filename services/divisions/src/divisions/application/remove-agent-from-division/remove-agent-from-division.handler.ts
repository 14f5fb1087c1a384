import { Inject, Injectable, Logger } from '@nestjs/common';
import type { CallerContext } from '@regu/contracts';
import { assertExpectedVersion } from '../../../common/organization-stream.repository';
import { removeAgentFromDivision } from '../../domain/division.decide';
import { DIVISION_REPOSITORY, type DivisionRepository } from '../division.ports';
import { DivisionViewBuilder, type DivisionView } from '../division-view';
import { appendDivisionEvents, requireActiveDivision } from '../division-writes';

export interface RemoveAgentFromDivisionPayload {
  divisionId: string;
  agentId: string;
}

/** Removes one agent at an admin's request. An agent who is not a member is a no-op, so the delete is idempotent. */
@Injectable()
export class RemoveAgentFromDivisionHandler {
  private readonly logger = new Logger(RemoveAgentFromDivisionHandler.name);

  constructor(
    @Inject(DIVISION_REPOSITORY) private readonly repository: DivisionRepository,
    @Inject(DivisionViewBuilder) private readonly views: Pick<DivisionViewBuilder, 'one'>,
  ) {}

  async execute(caller: CallerContext, payload: RemoveAgentFromDivisionPayload, expectedVersion?: number): Promise<DivisionView> {
    const { organizationId } = caller;
    const loaded = await this.repository.load(organizationId, payload.divisionId);
    requireActiveDivision(payload.divisionId, loaded);
    assertExpectedVersion(payload.divisionId, expectedVersion, loaded.version);

    const events = removeAgentFromDivision(payload, loaded.state);
    const result = await appendDivisionEvents(this.repository, payload.divisionId, loaded, loaded.version, events, caller);

    if (events.length > 0) {
      this.logger.log({ organizationId, streamId: payload.divisionId, version: result.version, correlationId: caller.correlationId }, 'agent removed from division');
    }
    return this.views.one(organizationId, requireActiveDivision(payload.divisionId, result), result.version);
  }
}
