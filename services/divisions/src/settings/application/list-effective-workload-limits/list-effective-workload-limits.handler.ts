import { Inject, Injectable } from '@nestjs/common';
import type { CallerContext, WorkloadLimit } from '@regu/contracts';
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, PageRequestInvalid } from '../../../common/paging';
import { displayName, DirectoryReadModel } from '../../../directory/infrastructure/directory.read-model';
import { DivisionListReadModel } from '../../../divisions/infrastructure/division-list.read-model';
import { currentSettings } from '../../domain/settings.evolve';
import { effectiveWorkloadLimit } from '../../domain/settings.queries';
import { SETTINGS_REPOSITORY, type SettingsRepository } from '../settings.ports';

export interface ListEffectiveWorkloadLimitsPayload {
  limit?: number;
  offset?: number;
}

export interface EffectiveWorkloadLimitView {
  agentId: string;
  name: string;
  limit: WorkloadLimit;
  /** The level the limit comes from: the agent's own, a division's (`divisionId` names it), or the organization default. */
  source: 'agent' | 'division' | 'organization';
  divisionId?: string;
  divisionIds: string[];
}

export interface EffectiveWorkloadLimitPage {
  items: EffectiveWorkloadLimitView[];
  limit: number;
  offset: number;
  total: number;
}

/**
 * Lists the effective workload limit of every active agent of the organization, ordered
 * by agent id. Settings come from the event store, memberships from the division list.
 */
@Injectable()
export class ListEffectiveWorkloadLimitsHandler {
  constructor(
    @Inject(SETTINGS_REPOSITORY) private readonly settings: Pick<SettingsRepository, 'load'>,
    @Inject(DirectoryReadModel) private readonly directory: Pick<DirectoryReadModel, 'activeAgents'>,
    @Inject(DivisionListReadModel) private readonly divisions: Pick<DivisionListReadModel, 'divisionIdsByAgent'>,
  ) {}

  async execute(caller: CallerContext, payload: ListEffectiveWorkloadLimitsPayload): Promise<EffectiveWorkloadLimitPage> {
    const { limit, offset } = pageOf(payload);
    const { organizationId } = caller;

    const [loaded, agents] = await Promise.all([this.settings.load(organizationId, organizationId), this.directory.activeAgents(organizationId)]);
    const page = agents.slice(offset, offset + limit);
    const divisionIdsByAgent = await this.divisions.divisionIdsByAgent(organizationId, page.map((agent) => agent.id));
    const { workload } = currentSettings(loaded.state);

    const items = page.map((agent) => {
      const divisionIds = divisionIdsByAgent.get(agent.id) ?? [];
      return { agentId: agent.id, name: displayName(agent), ...effectiveWorkloadLimit(workload, agent.id, divisionIds), divisionIds };
    });
    return { items, limit, offset, total: agents.length };
  }
}

function pageOf(payload: ListEffectiveWorkloadLimitsPayload): { limit: number; offset: number } {
  const limit = payload.limit ?? DEFAULT_PAGE_LIMIT;
  const offset = payload.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_LIMIT) {
    throw new PageRequestInvalid('limit', 'PAGE_LIMIT_OUT_OF_RANGE', { max: MAX_PAGE_LIMIT });
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw new PageRequestInvalid('offset', 'PAGE_OFFSET_INVALID');
  }
  return { limit, offset };
}
