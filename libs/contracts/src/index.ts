export * from './command';
export * from './envelope';
export * from './roles';
export * from './topics';
