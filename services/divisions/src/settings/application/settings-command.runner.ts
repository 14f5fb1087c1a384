import { Inject, Injectable, Logger } from '@nestjs/common';
import type { SettingsEvent } from '@regu/contracts';
import type { CommandActor } from '@regu/service-kit';
import { assertExpectedVersion } from '../../common/organization-stream.repository';
import { currentSettings, type SettingsState } from '../domain/settings.evolve';
import { SETTINGS_REPOSITORY, type SettingsRepository } from './settings.ports';
import { settingsView, type SettingsView } from './settings-view';

/**
 * Runs one settings command: loads the organization's settings stream, checks the
 * If-Match version, decides, and appends the events as one commit. Every settings
 * use case goes through it, so they all share the stream's single ETag.
 */
@Injectable()
export class SettingsCommandRunner {
  private readonly logger = new Logger(SettingsCommandRunner.name);

  constructor(@Inject(SETTINGS_REPOSITORY) private readonly repository: SettingsRepository) {}

  async run(
    actor: CommandActor,
    expectedVersion: number | undefined,
    decide: (state: SettingsState) => SettingsEvent[] | Promise<SettingsEvent[]>,
    causationId?: string,
  ): Promise<SettingsView> {
    const streamId = actor.organizationId;
    const loaded = await this.repository.load(actor.organizationId, streamId);
    assertExpectedVersion(streamId, expectedVersion, loaded.version);

    const events = await decide(loaded.state);
    if (events.length === 0) {
      return settingsView(currentSettings(loaded.state), loaded.version);
    }

    const result = await this.repository.append(streamId, loaded.version, events, actor, causationId);
    this.logger.log(
      { organizationId: actor.organizationId, streamId, version: result.nextVersion, eventTypes: events.map((event) => event.type), correlationId: actor.correlationId },
      'settings changed',
    );
    return settingsView(currentSettings(this.repository.fold(loaded.state, events)), result.nextVersion);
  }
}
