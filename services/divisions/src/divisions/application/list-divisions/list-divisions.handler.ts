import { Inject, Injectable } from '@nestjs/common';
import type { CallerContext } from '@regu/contracts';
import { normalizePageRequest, type Page, type PageRequest } from '../../../common/paging';
import { toActiveDivision } from '../../infrastructure/division-list.projection';
import { DivisionListReadModel, type DivisionListFilter } from '../../infrastructure/division-list.read-model';
import { DivisionViewBuilder, type DivisionView } from '../division-view';

export type ListDivisionsPayload = DivisionListFilter & PageRequest;

export type DivisionPage = Page<DivisionView> & { total: number };

/** Lists the organization's divisions by name, from the list projection. */
@Injectable()
export class ListDivisionsHandler {
  constructor(
    @Inject(DivisionListReadModel) private readonly divisions: Pick<DivisionListReadModel, 'list'>,
    @Inject(DivisionViewBuilder) private readonly views: Pick<DivisionViewBuilder, 'many'>,
  ) {}

  async execute(caller: CallerContext, payload: ListDivisionsPayload): Promise<DivisionPage> {
    const page = normalizePageRequest(payload);
    const result = await this.divisions.list(caller.organizationId, { q: payload.q, agentId: payload.agentId, channelId: payload.channelId, ...page });

    const items = await this.views.many(
      caller.organizationId,
      result.documents.map((document) => ({ division: toActiveDivision(document._id, document), version: document.streamVersion })),
    );
    return {
      items,
      limit: page.limit,
      ...(page.cursor === undefined ? { offset: page.offset } : {}),
      nextCursor: result.nextCursor,
      total: result.total,
    };
  }
}
