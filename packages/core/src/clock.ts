/** Milliseconds since the epoch. Injected everywhere time matters, so tests can jump 91 days. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

export const DAY_MS = 86_400_000;
