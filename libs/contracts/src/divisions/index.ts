export * from './division.events';
export * from './settings.events';
