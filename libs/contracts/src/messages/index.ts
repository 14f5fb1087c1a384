export * from './common.messages';
export * from './divisions.messages';
export * from './identity.messages';
export * from './localized-message';
export * from './whatsapp.messages';
