export * from './command';
export * from './divisions';
export * from './envelope';
export * from './errors';
export * from './messages';
export * from './roles';
export * from './topics';
export * from './whatsapp';
