import {
  TEMPLATE_EVENT_TYPES,
  type NewEvent,
  type TemplateCreatedData,
  type TemplateDeletedData,
  type TemplateEditedData,
  type TemplateImportedData,
  type TemplateStatusChangedData,
} from '@regu/contracts';

export { TEMPLATE_EVENT_TYPES };

export type TemplateCreated = NewEvent<typeof TEMPLATE_EVENT_TYPES.created, TemplateCreatedData>;
export type TemplateImported = NewEvent<typeof TEMPLATE_EVENT_TYPES.imported, TemplateImportedData>;
export type TemplateEdited = NewEvent<typeof TEMPLATE_EVENT_TYPES.edited, TemplateEditedData>;
export type TemplateStatusChanged = NewEvent<typeof TEMPLATE_EVENT_TYPES.statusChanged, TemplateStatusChangedData>;
export type TemplateDeleted = NewEvent<typeof TEMPLATE_EVENT_TYPES.deleted, TemplateDeletedData>;

/** Every event of the template aggregate, as `decide` returns it and `evolve` applies it. */
export type TemplateEvent = TemplateCreated | TemplateImported | TemplateEdited | TemplateStatusChanged | TemplateDeleted;
