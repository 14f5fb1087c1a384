import { ORGANIZATION_EVENT_TYPES, type OrganizationEventType } from '../identity/organization.events';
import { USER_EVENT_TYPES, type UserEventType } from '../identity/user.events';
import { roleSchema } from './common.schemas';
import { dateTimeSchema, idSchema, nonEmptyStringSchema, objectSchema, phoneNumberSchema, type JsonSchema } from './json-schema';

const userProfileFields: Record<string, JsonSchema> = {
  firstName: nonEmptyStringSchema,
  lastName: nonEmptyStringSchema,
  email: { type: 'string', format: 'email', description: 'The login, lowercase and trimmed.' },
  phoneNumber: phoneNumberSchema,
};

const partialUserProfile = objectSchema(userProfileFields, { optional: Object.keys(userProfileFields) });

const userIdOnly = objectSchema({ userId: idSchema });

/** Schemas of `data` at schema version 1, one per organization event type. */
export const ORGANIZATION_EVENT_DATA_SCHEMAS: Record<OrganizationEventType, JsonSchema> = {
  [ORGANIZATION_EVENT_TYPES.created]: objectSchema({
    organizationId: idSchema,
    name: nonEmptyStringSchema,
    firstAdminUserId: idSchema,
  }),
};

/** Schemas of `data` at schema version 1, one per user event type. None allows a password, hash or token. */
export const USER_EVENT_DATA_SCHEMAS: Record<UserEventType, JsonSchema> = {
  [USER_EVENT_TYPES.registered]: objectSchema({
    userId: idSchema,
    organizationId: idSchema,
    role: roleSchema,
    ...userProfileFields,
  }),
  [USER_EVENT_TYPES.profileChanged]: objectSchema(
    { userId: idSchema, old: partialUserProfile, new: partialUserProfile },
    { description: 'Only the fields that changed appear, in both old and new.' },
  ),
  [USER_EVENT_TYPES.roleChanged]: objectSchema({ userId: idSchema, oldRole: roleSchema, newRole: roleSchema }),
  [USER_EVENT_TYPES.deactivated]: userIdOnly,
  [USER_EVENT_TYPES.reactivated]: userIdOnly,
  [USER_EVENT_TYPES.deleted]: userIdOnly,
  [USER_EVENT_TYPES.passwordChanged]: objectSchema({ userId: idSchema, changedBy: idSchema }),
  [USER_EVENT_TYPES.loginFailed]: objectSchema({ userId: idSchema, failedAttempts: { type: 'integer', minimum: 1 } }),
  [USER_EVENT_TYPES.lockedOut]: objectSchema({
    userId: idSchema,
    failedAttempts: { type: 'integer', minimum: 1 },
    lockedUntil: dateTimeSchema,
  }),
  [USER_EVENT_TYPES.failedLoginsReset]: userIdOnly,
};
