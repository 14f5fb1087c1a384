import type { Collection, Db } from 'mongodb';
import type { EventEnvelope } from '@regu/contracts';
import type { ApplyOutcome, Projection } from '@regu/event-sourcing';

interface ReactionCheckpoint {
  _id: string;
  reaction: string;
  streamId: string;
  /** The last stream version this reaction handled. */
  streamVersion: number;
}

/**
 * A Kafka consumer that issues the service's own commands in reaction to events, run by
 * ProjectionRunner like a read model. A checkpoint per source stream records the last
 * version handled, so a redelivered event is skipped and an event after a gap is parked.
 * An old event therefore never undoes a later change. Without the checkpoint, a
 * redelivered deactivation would remove an agent who was reactivated and added again.
 *
 * The commands run before the checkpoint moves, so a crash in between repeats them on
 * redelivery. Every reaction command is a no-op when its change is already made.
 */
export abstract class CheckpointedReaction implements Projection {
  private readonly checkpoints: Collection<ReactionCheckpoint>;

  protected constructor(
    readonly name: string,
    readonly topics: readonly string[],
    db: Db,
  ) {
    this.checkpoints = db.collection<ReactionCheckpoint>('reaction_checkpoints');
  }

  /** Issues the commands `event` calls for. Must be safe to run twice for the same event. */
  protected abstract react(event: EventEnvelope): Promise<void>;

  async apply(event: EventEnvelope): Promise<ApplyOutcome> {
    const _id = `${this.name}:${event.streamId}`;
    const checkpoint = await this.checkpoints.findOne({ _id });
    const handledVersion = checkpoint?.streamVersion ?? 0;

    if (event.streamVersion <= handledVersion) {
      return 'duplicate';
    }
    if (event.streamVersion !== handledVersion + 1) {
      return 'gap';
    }

    await this.react(event);

    if (checkpoint === null) {
      await this.checkpoints.updateOne(
        { _id },
        { $setOnInsert: { reaction: this.name, streamId: event.streamId }, $max: { streamVersion: event.streamVersion } },
        { upsert: true },
      );
    } else {
      await this.checkpoints.updateOne({ _id, streamVersion: handledVersion }, { $set: { streamVersion: event.streamVersion } });
    }
    return 'applied';
  }

  /** Forgets the checkpoints, so a replay reacts again; the commands are no-ops where nothing changed. */
  async reset(): Promise<void> {
    await this.checkpoints.deleteMany({ reaction: this.name });
  }
}
