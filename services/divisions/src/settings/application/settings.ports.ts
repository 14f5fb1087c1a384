import type { SettingsEvent } from '@regu/contracts';
import type { OrganizationStreamRepository } from '../../common/organization-stream.repository';
import type { SettingsState } from '../domain/settings.evolve';

/** The event store's stream type of organization settings; the stream id is the organization id. */
export const SETTINGS_STREAM_TYPE = 'settings';

export const SETTINGS_REPOSITORY = Symbol('SETTINGS_REPOSITORY');

export type SettingsRepository = Pick<OrganizationStreamRepository<SettingsState, SettingsEvent>, 'load' | 'append' | 'fold'>;
