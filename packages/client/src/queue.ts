// The durable outbox: one storage key per response, so tabs never overwrite each other's writes.
import { DAY_MS, type KeyValueStorage, type SurveyResponse } from "@npskit/core";

export const QUEUE_PREFIX = "npskit:q:";
/** Undelivered responses older than this are dropped: the answer is stale for any report. */
export const EXPIRY_MS = 30 * DAY_MS;

/** One queued response: its newest state and the bookkeeping for delivering that state. */
export interface Entry {
  response: SurveyResponse;
  /** When this response id was first queued (ms); expiry counts from here. */
  queuedAt: number;
  /** Failed attempts for the current state. */
  attempts: number;
  /** Last attempt (ms). */
  tried: number;
  /** Next automatic attempt (ms), after backoff. */
  due: number;
  /** Not before this (ms): the receiver's Retry-After, honoured even by flush and page events. */
  hold: number;
  /** Names of the sinks that already accepted the current state. */
  done: string[];
}

export const stamp = (r: SurveyResponse): number => Date.parse(r.updatedAt);
export const isExpired = (entry: Entry, now: number): boolean => now - entry.queuedAt > EXPIRY_MS;

export type Drop = "expired" | "overflow";

export interface Queue {
  /**
   * Store `response` as the newest state of its id: "stale" if an equal or newer state is already
   * queued, "volatile" if storage failed and it is only held in memory by this page.
   */
  put(response: SurveyResponse, now: number): Promise<"stored" | "volatile" | "stale">;
  read(id: string): Promise<Entry | undefined>;
  /** Overwrite the bookkeeping of `entry`, unless a newer state of the id replaced it meanwhile. */
  update(entry: Entry): Promise<void>;
  /** Remove the id if its queued state is still the one with `updatedAt` (else a newer state waits). */
  remove(id: string, updatedAt: string): Promise<void>;
  ids(): Promise<string[]>;
  /**
   * When over the bound: drop expired entries, then the oldest; returns the dropped ids with why.
   * (Expired entries within the bound are dropped when their turn to be delivered comes.)
   */
  prune(now: number): Promise<Array<[string, Drop]>>;
}

/**
 * A queue over `storage`, bounded to `max` entries. Writes that fail (quota, private mode, a broken
 * backend) land in an in-memory overlay instead: the response is still delivered from this page,
 * it just would not survive a reload.
 */
// Storage is allowed to fail (see KeyValueStorage); a failed read or delete must not break delivery.
async function safely<T>(op: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await op();
  } catch {
    return fallback;
  }
}

export function createQueue(storage: KeyValueStorage, max: number): Queue {
  const memory = new Map<string, Entry>();
  const key = (id: string) => QUEUE_PREFIX + id;

  const read = async (id: string): Promise<Entry | undefined> => {
    const entry = memory.get(id) ?? (await safely(() => storage.get<Entry>(key(id)), undefined));
    // Someone else's data under our prefix must not break delivery of the rest.
    return typeof entry?.response?.updatedAt == "string" ? entry : undefined;
  };

  /** True when stored durably, false when only kept in memory. */
  const write = async (entry: Entry) => {
    const id = entry.response.id;
    try {
      await storage.set(key(id), entry);
      memory.delete(id);
      return true;
    } catch {
      memory.set(id, entry);
      return false;
    }
  };

  const ids = async () => {
    const stored = await safely(() => storage.keys(QUEUE_PREFIX), []);
    return [...new Set([...stored.map((k) => k.slice(QUEUE_PREFIX.length)), ...memory.keys()])];
  };

  const drop = (id: string) => {
    memory.delete(id);
    return safely(() => storage.del(key(id)), undefined);
  };

  const remove = async (id: string, updatedAt: string) => {
    const current = await read(id);
    if (!current || current.response.updatedAt === updatedAt) await drop(id);
  };

  return {
    read,
    ids,
    remove,
    async put(response, now) {
      const current = await read(response.id);
      if (current && stamp(current.response) >= stamp(response)) return "stale";
      const queuedAt = current?.queuedAt ?? now;
      const entry = { response, queuedAt, attempts: 0, tried: 0, due: 0, hold: current?.hold ?? 0, done: [] };
      return (await write(entry)) ? "stored" : "volatile";
    },
    async update(entry) {
      const current = await read(entry.response.id);
      if (current?.response.updatedAt === entry.response.updatedAt) await write(entry);
    },
    async prune(now) {
      const list = await ids();
      if (list.length <= max) return [];
      const all: Entry[] = [];
      for (const id of list) {
        const entry = await read(id);
        if (entry) all.push(entry);
      }
      const dropped: Array<[string, Drop]> = [];
      const live = all.filter((e) => !isExpired(e, now) || !dropped.push([e.response.id, "expired"]));
      live.sort((a, b) => a.queuedAt - b.queuedAt);
      for (const e of live.slice(0, Math.max(0, live.length - max))) dropped.push([e.response.id, "overflow"]);
      for (const [id] of dropped) await drop(id);
      return dropped;
    },
  };
}
