import type { Collection, Db, Filter } from 'mongodb';
import { type EventEnvelope, type ListUsersPayload, TOPICS, type UserPage } from '@regu/contracts';
import { applyToStreamDocument, type ApplyOutcome, type Projection, type VersionedDocument } from '@regu/event-sourcing';
import type { UsersReadModel } from '../application/ports';
import { evolveUserListEntry, type UserListEntry } from './user-list-entry';

type UserListDocument = VersionedDocument<UserListEntry>;

/** The `users` read model: one document per user stream, fed from `identity.user.events`. */
export class UsersProjection implements Projection, UsersReadModel {
  readonly name: string;
  readonly topics = [TOPICS.identityUser];
  readonly collection: Collection<UserListDocument>;

  constructor(db: Db, collectionName = 'users', consumerGroupPrefix = 'identity') {
    this.collection = db.collection<UserListDocument>(collectionName);
    this.name = `${consumerGroupPrefix}.users-read-model`;
  }

  async ensureIndexes(): Promise<void> {
    await this.collection.createIndex({ organizationId: 1, sortName: 1, _id: 1 }, { name: 'users_by_organization' });
  }

  apply(event: EventEnvelope): Promise<ApplyOutcome> {
    return applyToStreamDocument<UserListEntry>(this.collection, event, evolveUserListEntry);
  }

  async reset(): Promise<void> {
    await this.collection.deleteMany({});
  }

  async list(organizationId: string, query: ListUsersPayload): Promise<UserPage> {
    const filter: Filter<UserListDocument> = { organizationId, deleted: { $ne: true } } as Filter<UserListDocument>;
    if (query.role !== undefined) {
      filter.role = String(query.role) as UserListEntry['role'];
    }
    if (query.q !== undefined) {
      // The text is escaped, so `.*` or `^` in a search match those characters and nothing else.
      filter.searchText = { $regex: escapeRegExp(String(query.q).toLowerCase()) };
    }

    const [documents, total] = await Promise.all([
      this.collection.find(filter).sort({ sortName: 1, _id: 1 }).skip(query.offset).limit(query.limit).toArray(),
      this.collection.countDocuments(filter),
    ]);
    return {
      items: documents.map((document) => ({
        id: document._id,
        organizationId: document.organizationId,
        firstName: document.firstName,
        lastName: document.lastName,
        email: document.email,
        phoneNumber: document.phoneNumber,
        role: document.role,
        status: document.status,
        version: document.streamVersion,
      })),
      total,
      limit: query.limit,
      offset: query.offset,
    };
  }
}

/** Escapes every character that has a meaning in a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
