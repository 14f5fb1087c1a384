/** Injection tokens for time and ids, so handlers and their specs control both. */
export const CLOCK = Symbol('CLOCK');
export const ID_GENERATOR = Symbol('ID_GENERATOR');

export type Clock = () => Date;
export type IdGenerator = () => string;
