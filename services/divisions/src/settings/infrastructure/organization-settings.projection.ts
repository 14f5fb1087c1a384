import type { Collection, Db } from 'mongodb';
import { DEFAULT_ORGANIZATION_SETTINGS, TOPICS, type EventEnvelope, type OrganizationSettings, type SettingsEvent } from '@regu/contracts';
import { applyToStreamDocument, type ApplyOutcome, type Projection, type VersionedDocument } from '@regu/event-sourcing';
import { evolveSettings } from '../domain/settings.evolve';

export interface OrganizationSettingsEntry {
  settings: OrganizationSettings;
}

export type OrganizationSettingsDocument = VersionedDocument<OrganizationSettingsEntry>;

export const ORGANIZATION_SETTINGS_COLLECTION = 'organization_settings';

/** Applies one settings event through the domain's own evolveSettings, so the read model matches the aggregate. */
export function evolveOrganizationSettingsEntry(current: OrganizationSettingsEntry | null, envelope: EventEnvelope): OrganizationSettingsEntry {
  const state = current === null ? ({ status: 'empty' } as const) : ({ status: 'configured', settings: current.settings } as const);
  const next = evolveSettings(state, envelope as unknown as SettingsEvent);
  return { settings: next.status === 'configured' ? next.settings : DEFAULT_ORGANIZATION_SETTINGS };
}

/** Keeps `organization_settings`, one document per organization, from `divisions.settings.events`. */
export class OrganizationSettingsProjection implements Projection {
  readonly topics = [TOPICS.divisionsSettings];
  readonly collection: Collection<OrganizationSettingsDocument>;

  constructor(
    readonly name: string,
    db: Db,
  ) {
    this.collection = db.collection<OrganizationSettingsDocument>(ORGANIZATION_SETTINGS_COLLECTION);
  }

  apply(event: EventEnvelope): Promise<ApplyOutcome> {
    return applyToStreamDocument<OrganizationSettingsEntry>(this.collection, event, evolveOrganizationSettingsEntry);
  }

  async reset(): Promise<void> {
    await this.collection.deleteMany({});
  }

  /** Returns the organization's settings and their stream version, or the defaults at version 0 before its first settings event. */
  async settingsOf(organizationId: string): Promise<{ settings: OrganizationSettings; version: number }> {
    const document = await this.collection.findOne({ _id: organizationId, organizationId });
    return { settings: document?.settings ?? DEFAULT_ORGANIZATION_SETTINGS, version: document?.streamVersion ?? 0 };
  }
}
