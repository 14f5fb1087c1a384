import { Inject, Injectable, Logger } from '@nestjs/common';
import { CHANNEL_EVENT_TYPES, type ChannelDisconnectedData, type EventEnvelope } from '@regu/contracts';
import { retryOnConflict } from '../../../common/retry-on-conflict';
import { systemActorFor } from '../../../common/system-actor';
import { removeDisconnectedChannelFromDivision } from '../../domain/division.decide';
import { DivisionCandidatesFinder } from '../../infrastructure/division-candidates.finder';
import { DIVISION_REPOSITORY, type DivisionRepository } from '../division.ports';
import { appendDivisionEvents } from '../division-writes';

/**
 * Takes a disconnected channel out of every division scoped to it, by the service's own
 * command with actor role `system` and the whatsapp event as the cause. A division that
 * loses its last channel serves none; divisions scoped to all channels are unchanged.
 */
@Injectable()
export class RemoveDisconnectedChannelHandler {
  private readonly logger = new Logger(RemoveDisconnectedChannelHandler.name);

  constructor(
    @Inject(DIVISION_REPOSITORY) private readonly repository: DivisionRepository,
    @Inject(DivisionCandidatesFinder) private readonly candidates: Pick<DivisionCandidatesFinder, 'divisionsNamingChannel'>,
  ) {}

  async execute(event: EventEnvelope): Promise<void> {
    if (event.type !== CHANNEL_EVENT_TYPES.disconnected) {
      return;
    }
    const { channelId } = event.data as ChannelDisconnectedData;

    const divisionIds = await this.candidates.divisionsNamingChannel(event.organizationId, channelId);
    for (const divisionId of divisionIds) {
      await retryOnConflict(() => this.removeFrom(divisionId, channelId, event));
    }
  }

  private async removeFrom(divisionId: string, channelId: string, cause: EventEnvelope): Promise<void> {
    const loaded = await this.repository.load(cause.organizationId, divisionId);
    const events = removeDisconnectedChannelFromDivision({ divisionId, channelId }, loaded.state);

    const result = await appendDivisionEvents(this.repository, divisionId, loaded, loaded.version, events, systemActorFor(cause), cause.eventId);
    if (events.length > 0) {
      this.logger.log({ organizationId: cause.organizationId, streamId: divisionId, version: result.version, causationId: cause.eventId }, 'disconnected channel removed from division');
    }
  }
}
