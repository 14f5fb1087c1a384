export * from './organization.events';
export * from './user.events';
