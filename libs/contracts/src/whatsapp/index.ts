export * from './channel.events';
export * from './template.events';
