export * from './access-token';
export * from './access-token-verifier';
export * from './access-token.errors';
