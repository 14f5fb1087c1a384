import { Inject, Injectable, Logger } from '@nestjs/common';
import type { CallerContext } from '@regu/contracts';
import { assertExpectedVersion } from '../../../common/organization-stream.repository';
import { DirectoryReadModel } from '../../../directory/infrastructure/directory.read-model';
import { addAgentsToDivision } from '../../domain/division.decide';
import { DIVISION_REPOSITORY, type DivisionRepository } from '../division.ports';
import { DivisionViewBuilder, type DivisionView } from '../division-view';
import { appendDivisionEvents, requireActiveDivision } from '../division-writes';

export interface AddAgentsToDivisionPayload {
  divisionId: string;
  agentIds: string[];
}

@Injectable()
export class AddAgentsToDivisionHandler {
  private readonly logger = new Logger(AddAgentsToDivisionHandler.name);

  constructor(
    @Inject(DIVISION_REPOSITORY) private readonly repository: DivisionRepository,
    @Inject(DirectoryReadModel) private readonly directory: Pick<DirectoryReadModel, 'lookup'>,
    @Inject(DivisionViewBuilder) private readonly views: Pick<DivisionViewBuilder, 'one'>,
  ) {}

  async execute(caller: CallerContext, payload: AddAgentsToDivisionPayload, expectedVersion?: number): Promise<DivisionView> {
    const { organizationId } = caller;
    const loaded = await this.repository.load(organizationId, payload.divisionId);
    requireActiveDivision(payload.divisionId, loaded);
    assertExpectedVersion(payload.divisionId, expectedVersion, loaded.version);

    const lookup = await this.directory.lookup(organizationId, { agentIds: payload.agentIds ?? [] });
    const events = addAgentsToDivision(payload, loaded.state, lookup);
    const result = await appendDivisionEvents(this.repository, payload.divisionId, loaded, loaded.version, events, caller);

    if (events.length > 0) {
      this.logger.log({ organizationId, streamId: payload.divisionId, version: result.version, correlationId: caller.correlationId }, 'agents added to division');
    }
    return this.views.one(organizationId, requireActiveDivision(payload.divisionId, result), result.version);
  }
}
