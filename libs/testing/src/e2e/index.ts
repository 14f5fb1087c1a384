export * from './api-client';
export * from './identity-tcp-client';
export * from './test-organization';
export * from './whatsapp-simulator-control';
