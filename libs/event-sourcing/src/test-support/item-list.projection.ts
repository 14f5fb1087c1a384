import type { Collection, Db } from 'mongodb';
import type { EventEnvelope } from '@regu/contracts';
import type { Projection } from '../projection-runner';
import { applyToStreamDocument, type ApplyOutcome, type VersionedDocument } from '../versioned-read-model';

export interface ItemList {
  items: string[];
}

/**
 * A small projection for the library's own tests: one document per stream listing the
 * `name` of every `ItemAdded` event. An event of type `Poison` always throws.
 */
export class ItemListProjection implements Projection {
  readonly collection: Collection<VersionedDocument<ItemList>>;

  constructor(
    readonly name: string,
    readonly topics: readonly string[],
    db: Db,
    collectionName = 'item_lists',
  ) {
    this.collection = db.collection<VersionedDocument<ItemList>>(collectionName);
  }

  async apply(event: EventEnvelope): Promise<ApplyOutcome> {
    if (event.type === 'Poison') {
      throw new Error('poison event');
    }
    return applyToStreamDocument<ItemList>(this.collection, event, (current, e) => ({
      items: [...(current?.items ?? []), (e.data as { name: string }).name],
    }));
  }

  async reset(): Promise<void> {
    await this.collection.deleteMany({});
  }
}
