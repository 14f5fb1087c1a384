/** The current time, injected so that specs can move it. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
