// Several tabs share one queue; a per-response lock makes exactly one of them deliver a state.
import type { KeyValueStorage } from "@npskit/core/runtime";

/** Runs `fn` holding the lock `name` if nobody else holds it; false (without running) otherwise. */
export type TryLock = (name: string, fn: () => Promise<void>) => Promise<boolean>;

/**
 * Web Locks: released by the browser itself when the holding tab closes or crashes. Where the
 * browser refuses them (opaque origins, e.g. sandboxed frames), storage is not shared either, so
 * there is no other tab to exclude: run anyway rather than never deliver.
 */
export const webLock =
  (locks: LockManager): TryLock =>
  async (name, fn) => {
    let granted = false;
    try {
      return await locks.request(
        name,
        { ifAvailable: true },
        async (lock) => !!lock && ((granted = true), await fn(), true),
      );
    } catch (error) {
      if (granted) throw error;
      await fn();
      return true;
    }
  };

export const LEASE_PREFIX = "npskit:lease:";
/** A lease outlives any single delivery attempt; a closed tab's lease frees itself after this. */
export const LEASE_MS = 60_000;
/** How long a tab waits after claiming a lease before checking it won (lets a racing claim land). */
export const LEASE_SETTLE_MS = 100;

interface Lease {
  owner: string;
  until: number;
}

/**
 * Fallback for browsers without Web Locks: a lease record in shared storage. Claim, wait for a
 * racing claim to land, read back; the last writer wins. Best effort by nature (storage has no
 * compare-and-set), which is why Web Locks are preferred wherever they exist. If storage itself
 * fails, the queue is living in this page's memory anyway, so there is nobody to exclude.
 */
export function storageLease(
  storage: KeyValueStorage,
  now: () => number,
  owner: string,
  wait: (ms: number) => Promise<void>,
): TryLock {
  return async (name, fn) => {
    const key = LEASE_PREFIX + name;
    const holder = () =>
      storage.get<Lease>(key).then(
        (l) => (l && l.until > now() ? l.owner : undefined),
        () => undefined,
      );
    const current = await holder();
    if (current && current !== owner) return false;
    try {
      await storage.set(key, { owner, until: now() + LEASE_MS } satisfies Lease);
      await wait(LEASE_SETTLE_MS);
    } catch {
      // storage is unusable: fall through and deliver
    }
    const winner = await holder();
    if (winner && winner !== owner) return false;
    try {
      await fn();
    } finally {
      if ((await holder()) === owner) await storage.del(key).catch(() => {});
    }
    return true;
  };
}
