import type { Collection, Db } from 'mongodb';
import { TEMPLATE_EVENT_TYPES, TOPICS, type EventEnvelope, type TemplateCategory, type TemplateMessage, type TemplateSamples, type TemplateStatus } from '@regu/contracts';
import { applyToStreamDocument, type ApplyOutcome, type Projection, type VersionedDocument } from '@regu/event-sourcing';
import { asEvent } from '../../common/organization-stream.repository';
import type { TemplateEvent } from '../domain/template.events';

/** One template as the list shows and searches it. */
export interface TemplateListItem {
  templateId: string;
  channelId: string;
  wabaId: string;
  providerTemplateId: string;
  name: string;
  category: TemplateCategory;
  language: string;
  message: TemplateMessage;
  samples: TemplateSamples;
  status: TemplateStatus;
  rejectionReason?: string;
  createdAt: string;
  updatedAt: string;
}

export type TemplateListDocument = VersionedDocument<TemplateListItem>;

export const TEMPLATE_LIST_COLLECTION = 'template_list';

/** The read model behind the template list and search: consumer group `whatsapp.template-list`. A deleted template stays as a tombstone. */
export class TemplateListProjection implements Projection {
  readonly name: string;
  readonly topics = [TOPICS.whatsappTemplate];
  readonly collection: Collection<TemplateListDocument>;

  constructor(db: Db, collectionName = TEMPLATE_LIST_COLLECTION, consumerGroupPrefix = 'whatsapp') {
    this.collection = db.collection(collectionName);
    this.name = `${consumerGroupPrefix}.template-list`;
  }

  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ organizationId: 1, name: 1, language: 1 }, { name: 'templates_by_organization' });
    await this.collection.createIndex({ organizationId: 1, channelId: 1, status: 1 }, { name: 'templates_by_channel' });
  }

  apply(event: EventEnvelope): Promise<ApplyOutcome> {
    return applyToStreamDocument<TemplateListItem>(this.collection, event, (current) => evolveTemplateListItem(current, asEvent<TemplateEvent>(event)));
  }

  async reset(): Promise<void> {
    await this.collection.deleteMany({});
  }
}

/** Applies one template event to its list item; null deletes the item. */
export function evolveTemplateListItem(current: TemplateListItem | null, event: TemplateEvent): TemplateListItem | null {
  switch (event.type) {
    case TEMPLATE_EVENT_TYPES.created:
    case TEMPLATE_EVENT_TYPES.imported: {
      const { data } = event;
      const at = event.type === TEMPLATE_EVENT_TYPES.created ? event.data.createdAt : event.data.importedAt;
      const item: TemplateListItem = {
        templateId: data.templateId,
        channelId: data.channelId,
        wabaId: data.wabaId,
        providerTemplateId: data.providerTemplateId,
        name: data.name,
        category: data.category,
        language: data.language,
        message: data.message,
        samples: data.samples,
        status: data.status,
        createdAt: at,
        updatedAt: at,
      };
      if (event.type === TEMPLATE_EVENT_TYPES.imported && event.data.rejectionReason !== undefined) {
        item.rejectionReason = event.data.rejectionReason;
      }
      return item;
    }
    case TEMPLATE_EVENT_TYPES.edited: {
      if (current === null) {
        return null;
      }
      const { rejectionReason: _reason, ...rest } = current;
      return { ...rest, category: event.data.category, message: event.data.message, samples: event.data.samples, status: 'PENDING', updatedAt: event.data.editedAt };
    }
    case TEMPLATE_EVENT_TYPES.statusChanged: {
      if (current === null) {
        return null;
      }
      const { rejectionReason: _reason, ...rest } = current;
      const item: TemplateListItem = { ...rest, status: event.data.status, updatedAt: event.data.reportedAt };
      if (event.data.status === 'REJECTED') {
        item.rejectionReason = event.data.reason ?? 'NONE';
      }
      return item;
    }
    case TEMPLATE_EVENT_TYPES.deleted:
      return null;
    default:
      return assertNever(event);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unexpected template event: ${JSON.stringify(value)}`);
}
