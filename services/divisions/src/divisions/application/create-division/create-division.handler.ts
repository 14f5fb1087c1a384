import { Inject, Injectable, Logger } from '@nestjs/common';
import type { CallerContext, ChannelScope, DivisionCreatedData } from '@regu/contracts';
import { ID_GENERATOR, type IdGenerator } from '../../../common/clock';
import { DirectoryReadModel } from '../../../directory/infrastructure/directory.read-model';
import { createDivision } from '../../domain/division.decide';
import { DivisionListReadModel } from '../../infrastructure/division-list.read-model';
import { DivisionNameClaims } from '../../infrastructure/division-name-claims';
import { DIVISION_REPOSITORY, type DivisionRepository } from '../division.ports';
import { DivisionViewBuilder, type DivisionView } from '../division-view';
import { appendDivisionEvents } from '../division-writes';

export interface CreateDivisionPayload {
  name: string;
  supervisorId: string;
  agentIds: string[];
  /** All channels when absent. */
  channelScope?: ChannelScope;
}

@Injectable()
export class CreateDivisionHandler {
  private readonly logger = new Logger(CreateDivisionHandler.name);

  constructor(
    @Inject(DIVISION_REPOSITORY) private readonly repository: DivisionRepository,
    @Inject(DivisionListReadModel) private readonly divisions: Pick<DivisionListReadModel, 'isNameTaken'>,
    @Inject(DirectoryReadModel) private readonly directory: Pick<DirectoryReadModel, 'lookup'>,
    @Inject(DivisionNameClaims) private readonly nameClaims: Pick<DivisionNameClaims, 'isTaken' | 'claim' | 'release'>,
    @Inject(DivisionViewBuilder) private readonly views: Pick<DivisionViewBuilder, 'one'>,
    @Inject(ID_GENERATOR) private readonly newId: IdGenerator,
  ) {}

  async execute(caller: CallerContext, payload: CreateDivisionPayload): Promise<DivisionView> {
    const divisionId = this.newId();
    const { organizationId } = caller;
    const channelScope = payload.channelScope ?? { kind: 'all' };
    const loaded = await this.repository.load(organizationId, divisionId);

    const [nameTaken, directory] = await Promise.all([
      typeof payload.name === 'string' ? this.isNameTaken(organizationId, payload.name) : Promise.resolve(false),
      this.directory.lookup(organizationId, {
        supervisorIds: typeof payload.supervisorId === 'string' ? [payload.supervisorId] : [],
        agentIds: payload.agentIds ?? [],
        channelIds: channelScope.kind === 'specific' ? (channelScope.channelIds ?? []) : [],
      }),
    ]);
    const events = createDivision({ ...payload, divisionId, channelScope }, loaded.state, { nameTaken, ...directory });
    const { name } = events[0].data as DivisionCreatedData;

    await this.nameClaims.claim(organizationId, name, divisionId);
    let result;
    try {
      result = await appendDivisionEvents(this.repository, divisionId, loaded, 0, events, caller);
    } catch (error) {
      await this.nameClaims.release(organizationId, name, divisionId);
      throw error;
    }

    this.logger.log({ organizationId, streamId: divisionId, version: result.version, correlationId: caller.correlationId }, 'division created');
    if (result.state.status !== 'active') {
      throw new Error(`Division ${divisionId} is not active after its creation`);
    }
    return this.views.one(organizationId, result.state, result.version);
  }

  /** Checks the read model first, then confirms a name it lists against the claims, which see a delete at once. */
  private async isNameTaken(organizationId: string, name: string): Promise<boolean> {
    return (await this.divisions.isNameTaken(organizationId, name)) && (await this.nameClaims.isTaken(organizationId, name));
  }
}
