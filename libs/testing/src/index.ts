export * from './eventually';
export * from './infrastructure';
export * from './e2e';
