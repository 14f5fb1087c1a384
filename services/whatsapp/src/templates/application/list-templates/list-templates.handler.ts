import { Injectable } from '@nestjs/common';
import type { CommandMessage, TemplateCategory, TemplateStatus } from '@regu/contracts';
import { escapeRegExp, normalizePageRequest, type Page, type PageRequest } from '../../../common/paging';
import { TemplateListProjection } from '../../infrastructure/template-list.projection';
import { templateViewFromDocument, type TemplateView } from '../template.view';

export interface ListTemplatesQuery extends PageRequest {
  /** Case-insensitive text searched in the name and the body; matched literally, never as a pattern. */
  q?: string;
  status?: TemplateStatus;
  category?: TemplateCategory;
  language?: string;
  channelId?: string;
}

/** Lists the organization's templates from the `template_list` read model, sorted by name and language. */
@Injectable()
export class ListTemplatesHandler {
  constructor(private readonly projection: TemplateListProjection) {}

  async handle({ caller, payload }: CommandMessage<ListTemplatesQuery>): Promise<Page<TemplateView>> {
    const { limit, offset } = normalizePageRequest(payload);
    const filter = templateListFilter(caller.organizationId, payload);

    const [documents, total] = await Promise.all([
      this.projection.collection.find(filter as never).sort({ name: 1, language: 1, _id: 1 }).skip(offset).limit(limit).toArray(),
      this.projection.collection.countDocuments(filter as never),
    ]);
    return {
      items: documents.map(templateViewFromDocument),
      limit,
      offset,
      total,
      nextOffset: offset + documents.length < total ? offset + documents.length : null,
    };
  }
}

/** Builds the MongoDB filter; every value is compared as a plain string, so no input becomes an operator. */
export function templateListFilter(organizationId: string, query: ListTemplatesQuery): Record<string, unknown> {
  const filter: Record<string, unknown> = { organizationId, deleted: { $ne: true } };
  for (const field of ['status', 'category', 'language', 'channelId'] as const) {
    const value = query[field];
    if (value !== undefined) {
      filter[field] = { $eq: String(value) };
    }
  }

  const text = query.q?.trim();
  if (text !== undefined && text !== '') {
    const pattern = { $regex: escapeRegExp(text), $options: 'i' };
    filter.$or = [{ name: pattern }, { 'message.body': pattern }];
  }
  return filter;
}
