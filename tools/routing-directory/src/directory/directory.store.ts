import { DEFAULT_ORGANIZATION_SETTINGS, TOPICS, type EventEnvelope } from '@regu/contracts';
import type { Collection, Db } from 'mongodb';
import { buildDirectory } from './build-directory';
import type {
  ChannelDirectory,
  ChannelRecord,
  DivisionRecord,
  OrganizationSnapshot,
  SettingsRecord,
  StreamDocument,
  UserRecord,
} from './directory.types';
import { evolveChannel, evolveDivision, evolveSettings, evolveUser, type EvolveRecord } from './stream-records.evolve';

/** Outcome of one event: applied now, applied before, or parked until its predecessor arrives. */
export type ApplyOutcome = 'applied' | 'duplicate' | 'gap';

/** The topics the directory is built from. */
export const DIRECTORY_TOPICS = [TOPICS.identityUser, TOPICS.divisionsDivision, TOPICS.divisionsSettings, TOPICS.whatsappChannel] as const;

type DirectoryTopic = (typeof DIRECTORY_TOPICS)[number];

interface StoredDirectory {
  /** `<organizationId>:<channelId>`. */
  _id: string;
  organizationId: string;
  channelId: string;
  /** The organization revision this entry was computed at; an older computation never overwrites a newer one. */
  revision: number;
  directory: ChannelDirectory;
}

interface OrganizationRevision {
  _id: string;
  revision: number;
}

interface ParkedEvent {
  /** `<streamId>:<streamVersion>`. */
  _id: string;
  streamId: string;
  streamVersion: number;
  event: EventEnvelope;
}

/**
 * The consumer's own MongoDB database: one versioned document per user, division,
 * channel and settings stream, the parked events, and the computed directory with one
 * document per channel.
 */
export class DirectoryStore {
  readonly users: Collection<StreamDocument<UserRecord>>;
  readonly divisions: Collection<StreamDocument<DivisionRecord>>;
  readonly channels: Collection<StreamDocument<ChannelRecord>>;
  readonly settings: Collection<StreamDocument<SettingsRecord>>;
  readonly directory: Collection<StoredDirectory>;
  private readonly revisions: Collection<OrganizationRevision>;
  private readonly parked: Collection<ParkedEvent>;

  constructor(readonly db: Db) {
    this.users = db.collection('users');
    this.divisions = db.collection('divisions');
    this.channels = db.collection('channels');
    this.settings = db.collection('settings');
    this.directory = db.collection('channel_directory');
    this.revisions = db.collection('organization_revisions');
    this.parked = db.collection('parked_events');
  }

  async ensureIndexes(): Promise<void> {
    await Promise.all([
      this.users.createIndex({ organizationId: 1 }),
      this.divisions.createIndex({ organizationId: 1 }),
      this.channels.createIndex({ organizationId: 1 }),
      this.directory.createIndex({ organizationId: 1, channelId: 1 }),
      this.parked.createIndex({ streamId: 1, streamVersion: 1 }),
    ]);
  }

  /**
   * Applies one event of `topic` at most once, then any parked successors, and
   * recomputes the organization's directory. A duplicate recomputes too, because the
   * process may have stopped after the stream write and before the directory write.
   */
  async apply(topic: DirectoryTopic, event: EventEnvelope): Promise<ApplyOutcome> {
    const outcome = await this.applyToStream(topic, event);

    if (outcome === 'gap') {
      await this.park(event);
      return outcome;
    }
    if (outcome === 'applied') {
      await this.applyParkedSuccessors(topic, event);
    }
    await this.refreshDirectory(event.organizationId);
    return outcome;
  }

  /** Returns the directory of one channel, or `null` for a channel this consumer has not seen. */
  async directoryFor(organizationId: string, channelId: string): Promise<ChannelDirectory | null> {
    const stored = await this.directory.findOne({ _id: `${organizationId}:${channelId}` });
    return stored?.directory ?? null;
  }

  /** Recomputes and stores the directory of every channel of the organization. */
  async refreshDirectory(organizationId: string): Promise<void> {
    // The revision is taken after the stream write and before the snapshot read, so the
    // computation with the highest revision has seen every write before it.
    const revision = await this.nextRevision(organizationId);
    const entries = buildDirectory(await this.loadSnapshot(organizationId));

    for (const directory of entries) {
      const id = `${organizationId}:${directory.channel.channelId}`;
      const document: StoredDirectory = { _id: id, organizationId, channelId: directory.channel.channelId, revision, directory };
      try {
        await this.directory.replaceOne({ _id: id, revision: { $lt: revision } }, document, { upsert: true });
      } catch (error) {
        // A duplicate key means a newer computation already stored this entry.
        if ((error as { code?: number }).code !== 11000) {
          throw error;
        }
      }
    }
  }

  async loadSnapshot(organizationId: string): Promise<OrganizationSnapshot> {
    const live = { organizationId, deleted: { $ne: true as const } };
    const [users, divisions, channels, settings] = await Promise.all([
      this.users.find(live).toArray(),
      this.divisions.find(live).toArray(),
      this.channels.find(live).toArray(),
      this.settings.findOne({ _id: organizationId, deleted: { $ne: true } }),
    ]);

    return {
      organizationId,
      users: new Map(users.map((user) => [user._id, { role: user.role!, status: user.status! }])),
      divisions: new Map(divisions.map((division) => [division._id, recordOf<DivisionRecord>(division)])),
      channels: new Map(channels.map((channel) => [channel._id, recordOf<ChannelRecord>(channel)])),
      settings: settings?.settings ?? DEFAULT_ORGANIZATION_SETTINGS,
    };
  }

  /** Drops everything, before a replay from the start of the topics. */
  async reset(): Promise<void> {
    await this.db.dropDatabase();
  }

  private applyToStream(topic: DirectoryTopic, event: EventEnvelope): Promise<ApplyOutcome> {
    switch (topic) {
      case TOPICS.identityUser:
        return applyVersioned(this.users, event, evolveUser);
      case TOPICS.divisionsDivision:
        return applyVersioned(this.divisions, event, evolveDivision);
      case TOPICS.divisionsSettings:
        return applyVersioned(this.settings, event, evolveSettings);
      case TOPICS.whatsappChannel:
        return applyVersioned(this.channels, event, evolveChannel);
    }
  }

  private async park(event: EventEnvelope): Promise<void> {
    const id = `${event.streamId}:${event.streamVersion}`;
    await this.parked.updateOne(
      { _id: id },
      { $setOnInsert: { streamId: event.streamId, streamVersion: event.streamVersion, event } },
      { upsert: true },
    );
  }

  private async applyParkedSuccessors(topic: DirectoryTopic, event: EventEnvelope): Promise<void> {
    for (let version = event.streamVersion + 1; ; version++) {
      const parked = await this.parked.findOne({ _id: `${event.streamId}:${version}` });
      if (parked === null || (await this.applyToStream(topic, parked.event)) === 'gap') {
        return;
      }
      await this.parked.deleteOne({ _id: parked._id });
    }
  }

  private async nextRevision(organizationId: string): Promise<number> {
    const updated = await this.revisions.findOneAndUpdate(
      { _id: organizationId },
      { $inc: { revision: 1 } },
      { upsert: true, returnDocument: 'after' },
    );
    return updated!.revision;
  }
}

/**
 * Applies one event to its stream's document, guarded by the stream version: the write
 * matches the version it read, so a redelivery or a second consumer racing on the same
 * document cannot apply the event again.
 */
async function applyVersioned<T extends object>(
  collection: Collection<StreamDocument<T>>,
  event: EventEnvelope,
  evolve: EvolveRecord<T>,
): Promise<ApplyOutcome> {
  const current = (await collection.findOne({ _id: event.streamId } as never)) as StreamDocument<T> | null;
  const currentVersion = current?.streamVersion ?? 0;

  if (event.streamVersion <= currentVersion) {
    return 'duplicate';
  }
  if (event.streamVersion !== currentVersion + 1) {
    return 'gap';
  }

  const record = evolve(current === null || current.deleted ? null : recordOf<T>(current), event);
  const next = {
    ...(record ?? {}),
    _id: event.streamId,
    organizationId: event.organizationId,
    streamVersion: event.streamVersion,
    appliedCount: (current?.appliedCount ?? 0) + 1,
    ...(record === null ? { deleted: true as const } : {}),
  } as StreamDocument<T>;

  if (current === null) {
    try {
      await collection.insertOne(next as never);
      return 'applied';
    } catch (error) {
      if ((error as { code?: number }).code === 11000) {
        return 'duplicate';
      }
      throw error;
    }
  }

  const result = await collection.replaceOne({ _id: event.streamId, streamVersion: currentVersion } as never, next);
  return result.matchedCount === 1 ? 'applied' : 'duplicate';
}

function recordOf<T>(document: StreamDocument<T>): T {
  const { _id, organizationId, streamVersion, appliedCount, deleted, ...record } = document;
  void [_id, organizationId, streamVersion, appliedCount, deleted];
  return record as unknown as T;
}

/** Returns the stored directory of one channel from the consumer's database, or `null` for an unknown channel. */
export function directoryFor(db: Db, organizationId: string, channelId: string): Promise<ChannelDirectory | null> {
  return new DirectoryStore(db).directoryFor(organizationId, channelId);
}
