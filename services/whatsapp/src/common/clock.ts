import { randomUUID } from 'node:crypto';

/** Injection token of the clock, so handlers and their specs control time. */
export const CLOCK = Symbol('CLOCK');
/** Injection token of the id generator. */
export const ID_GENERATOR = Symbol('ID_GENERATOR');

export type Clock = () => Date;
export type IdGenerator = () => string;

export const systemClock: Clock = () => new Date();
export const uuidGenerator: IdGenerator = randomUUID;
