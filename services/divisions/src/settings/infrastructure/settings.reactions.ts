import type { Db } from 'mongodb';
import { TOPICS, type EventEnvelope } from '@regu/contracts';
import { CheckpointedReaction } from '../../common/checkpointed-reaction';
import type { ClearAgentSettingsHandler } from '../application/clear-agent-settings/clear-agent-settings.handler';
import type { ClearDivisionSettingsHandler } from '../application/clear-division-settings/clear-division-settings.handler';

/** Consumes `identity.user.events` and clears the settings of users who are no longer active agents. */
export class SettingsUserReaction extends CheckpointedReaction {
  constructor(
    name: string,
    db: Db,
    private readonly handler: Pick<ClearAgentSettingsHandler, 'execute'>,
  ) {
    super(name, [TOPICS.identityUser], db);
  }

  protected react(event: EventEnvelope): Promise<void> {
    return this.handler.execute(event);
  }
}

/** Consumes `divisions.division.events` and clears the settings of deleted divisions. */
export class SettingsDivisionReaction extends CheckpointedReaction {
  constructor(
    name: string,
    db: Db,
    private readonly handler: Pick<ClearDivisionSettingsHandler, 'execute'>,
  ) {
    super(name, [TOPICS.divisionsDivision], db);
  }

  protected react(event: EventEnvelope): Promise<void> {
    return this.handler.execute(event);
  }
}
