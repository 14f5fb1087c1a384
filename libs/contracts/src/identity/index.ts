export * from './organization.events';
export * from './user.events';
export * from './identity.api';
