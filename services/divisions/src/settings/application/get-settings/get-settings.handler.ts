import { Inject, Injectable } from '@nestjs/common';
import type { CallerContext } from '@regu/contracts';
import { currentSettings } from '../../domain/settings.evolve';
import { SETTINGS_REPOSITORY, type SettingsRepository } from '../settings.ports';
import { settingsView, type SettingsView } from '../settings-view';

/**
 * Reads the organization's settings from the event store, so the version is the
 * current ETag. An organization that never changed a setting gets the defaults at version 0.
 */
@Injectable()
export class GetSettingsHandler {
  constructor(@Inject(SETTINGS_REPOSITORY) private readonly repository: SettingsRepository) {}

  async execute(caller: CallerContext): Promise<SettingsView> {
    const loaded = await this.repository.load(caller.organizationId, caller.organizationId);
    return settingsView(currentSettings(loaded.state), loaded.version);
  }
}
