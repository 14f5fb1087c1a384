export * from './api-client';
export * from './identity-tcp-client';
export * from './test-organization';
