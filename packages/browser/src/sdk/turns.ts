// Runs the SDK's calls one after another, after the person's state has loaded: identify writes
// storage, so a later track or explain must see its result. Stopped on destroy.
import type { Report } from "./safe-calls.js";

export interface Turns {
  /** Runs `fn` after every earlier call; a failure is reported and does not stop later ones. */
  take<T>(where: string, fn: () => T | Promise<T>): Promise<T | undefined>;
  /** Resolves after every earlier call, without holding up the ones after it. */
  settled(): Promise<unknown>;
  stop(): void;
}

export function createTurns(ready: Promise<unknown>, report: Report): Turns {
  let queue: Promise<unknown> = ready;
  let stopped = false;
  return {
    take(where, fn) {
      const turn = queue.then(() => (stopped ? undefined : fn()));
      queue = turn.catch((e: unknown) => report(where, e));
      return turn;
    },
    settled: () => queue,
    stop: () => void (stopped = true),
  };
}
