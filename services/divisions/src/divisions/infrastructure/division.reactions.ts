import type { Db } from 'mongodb';
import { TOPICS, type EventEnvelope } from '@regu/contracts';
import { CheckpointedReaction } from '../../common/checkpointed-reaction';
import type { RemoveDisconnectedChannelHandler } from '../application/remove-disconnected-channel/remove-disconnected-channel.handler';
import type { RemoveUnavailableUserHandler } from '../application/remove-unavailable-user/remove-unavailable-user.handler';

/** Consumes `identity.user.events` and removes users who can no longer serve from divisions. */
export class DivisionUserReaction extends CheckpointedReaction {
  constructor(
    name: string,
    db: Db,
    private readonly handler: Pick<RemoveUnavailableUserHandler, 'execute'>,
  ) {
    super(name, [TOPICS.identityUser], db);
  }

  protected react(event: EventEnvelope): Promise<void> {
    return this.handler.execute(event);
  }
}

/** Consumes `whatsapp.channel.events` and removes disconnected channels from divisions. */
export class DivisionChannelReaction extends CheckpointedReaction {
  constructor(
    name: string,
    db: Db,
    private readonly handler: Pick<RemoveDisconnectedChannelHandler, 'execute'>,
  ) {
    super(name, [TOPICS.whatsappChannel], db);
  }

  protected react(event: EventEnvelope): Promise<void> {
    return this.handler.execute(event);
  }
}
