import { Inject, Injectable, Logger } from '@nestjs/common';
import type { CallerContext, ChannelScope, DivisionEvent } from '@regu/contracts';
import { assertExpectedVersion } from '../../../common/organization-stream.repository';
import { DirectoryReadModel } from '../../../directory/infrastructure/directory.read-model';
import { changeDivisionChannelScope, changeDivisionSupervisor, renameDivision } from '../../domain/division.decide';
import { evolveDivision, type DivisionState } from '../../domain/division.evolve';
import { DivisionListReadModel } from '../../infrastructure/division-list.read-model';
import { DivisionNameClaims } from '../../infrastructure/division-name-claims';
import { normalizeDivisionName } from '../division-name';
import { DIVISION_REPOSITORY, type DivisionRepository } from '../division.ports';
import { DivisionViewBuilder, type DivisionView } from '../division-view';
import { appendDivisionEvents, requireActiveDivision } from '../division-writes';

/** The fields of a division an admin edits; absent fields keep their value. */
export interface UpdateDivisionPayload {
  divisionId: string;
  name?: string;
  supervisorId?: string;
  channelScope?: ChannelScope;
}

/**
 * Renames a division, changes its supervisor and its channel scope, in any combination.
 * All resulting events are appended as one commit, so a rejected field leaves the
 * division unchanged.
 */
@Injectable()
export class UpdateDivisionHandler {
  private readonly logger = new Logger(UpdateDivisionHandler.name);

  constructor(
    @Inject(DIVISION_REPOSITORY) private readonly repository: DivisionRepository,
    @Inject(DivisionListReadModel) private readonly divisions: Pick<DivisionListReadModel, 'isNameTaken'>,
    @Inject(DirectoryReadModel) private readonly directory: Pick<DirectoryReadModel, 'lookup'>,
    @Inject(DivisionNameClaims) private readonly nameClaims: Pick<DivisionNameClaims, 'isTaken' | 'claim' | 'release'>,
    @Inject(DivisionViewBuilder) private readonly views: Pick<DivisionViewBuilder, 'one'>,
  ) {}

  async execute(caller: CallerContext, payload: UpdateDivisionPayload, expectedVersion?: number): Promise<DivisionView> {
    const { organizationId } = caller;
    const { divisionId } = payload;
    const loaded = await this.repository.load(organizationId, divisionId);
    const before = requireActiveDivision(divisionId, loaded);
    assertExpectedVersion(divisionId, expectedVersion, loaded.version);

    const events = await this.decide(organizationId, payload, loaded.state);
    const renamed = events.some((event) => event.type === 'DivisionRenamed');
    const after = this.repository.fold(loaded.state, events);
    const newName = after.status === 'active' ? after.name : before.name;
    if (renamed) {
      await this.nameClaims.claim(organizationId, newName, divisionId);
    }

    let result;
    try {
      result = await appendDivisionEvents(this.repository, divisionId, loaded, loaded.version, events, caller);
    } catch (error) {
      if (renamed && !sameClaim(before.name, newName)) {
        await this.nameClaims.release(organizationId, newName, divisionId);
      }
      throw error;
    }
    if (renamed && !sameClaim(before.name, newName)) {
      await this.nameClaims.release(organizationId, before.name, divisionId);
    }

    if (events.length > 0) {
      const eventTypes = events.map((event) => event.type);
      this.logger.log({ organizationId, streamId: divisionId, version: result.version, eventTypes, correlationId: caller.correlationId }, 'division updated');
    }
    return this.views.one(organizationId, requireActiveDivision(divisionId, result), result.version);
  }

  private async decide(organizationId: string, payload: UpdateDivisionPayload, initial: DivisionState): Promise<DivisionEvent[]> {
    const events: DivisionEvent[] = [];
    let state = initial;
    const decided = (next: DivisionEvent[]) => {
      events.push(...next);
      state = next.reduce(evolveDivision, state);
    };

    if (payload.name !== undefined) {
      // The claims confirm a name the read model lists, because the read model lags a delete or rename.
      const nameTaken =
        typeof payload.name === 'string' &&
        (await this.divisions.isNameTaken(organizationId, payload.name, payload.divisionId)) &&
        (await this.nameClaims.isTaken(organizationId, payload.name, payload.divisionId));
      decided(renameDivision({ divisionId: payload.divisionId, name: payload.name }, state, { nameTaken }));
    }
    if (payload.supervisorId !== undefined) {
      const lookup = await this.directory.lookup(organizationId, { supervisorIds: [payload.supervisorId] });
      decided(changeDivisionSupervisor({ divisionId: payload.divisionId, supervisorId: payload.supervisorId }, state, lookup));
    }
    if (payload.channelScope !== undefined) {
      const channelIds = payload.channelScope.kind === 'specific' ? (payload.channelScope.channelIds ?? []) : [];
      const lookup = await this.directory.lookup(organizationId, { channelIds });
      decided(changeDivisionChannelScope({ divisionId: payload.divisionId, channelScope: payload.channelScope }, state, lookup));
    }
    return events;
  }
}

/** A change of case only keeps the same claim, which must then not be released. */
function sameClaim(left: string, right: string): boolean {
  return normalizeDivisionName(left) === normalizeDivisionName(right);
}
