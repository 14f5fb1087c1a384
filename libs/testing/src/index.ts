export * from './eventually';
export * from './infrastructure';
