export * from './bootstrap';
export * from './environment';
export * from './event-sourced.repository';
export * from './event-sourcing.module';
export * from './health.controller';
export * from './logging';
export * from './rpc-exception.filter';
export * from './tokens';
