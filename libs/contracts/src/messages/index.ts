export * from './common.messages';
export * from './localized-message';
