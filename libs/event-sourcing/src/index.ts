export * from './errors';
export * from './event-store';
export * from './kafka';
export * from './logger';
export * from './outbox-relay';
export * from './projection-runner';
export * from './rebuild';
export * from './versioned-read-model';
