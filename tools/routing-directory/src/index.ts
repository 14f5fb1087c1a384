export * from './consumer/directory-consumer';
export * from './directory/build-directory';
export * from './directory/directory.store';
export * from './directory/directory.types';
export * from './directory/stream-records.evolve';
export * from './routing-directory.environment';
