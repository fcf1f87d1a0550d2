/** Milliseconds since the epoch. Injected everywhere time matters, so tests can jump 91 days. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

export const DAY_MS = 86_400_000;

/** `promise`, or a rejection with `message` when it has not settled in `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, message = "timed out"): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
