// The durable outbox. One storage key per response *state* (`npskit:q:<id>:<updatedAt ms>`): a
// state is never overwritten, so no tab can lose a newer answer by writing back an older one
// (the storage has no compare-and-set). The newest state of an id is the one delivered; delivering
// it deletes it and every older state of the id.
import { DAY_MS, type KeyValueStorage, type SurveyResponse } from "@npskit/core/runtime";
import { QUEUE_PREFIX } from "./outbox.js";

export { QUEUE_PREFIX };
/** Undelivered responses older than this are dropped: the answer is stale for any report. */
export const EXPIRY_MS = 30 * DAY_MS;

/** One queued response state and the bookkeeping for delivering it. */
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

/** The state's version; an unparsable `updatedAt` counts as 0 so the state can still be removed. */
export const stamp = (r: SurveyResponse): number => Date.parse(r.updatedAt) || 0;
export const isExpired = (entry: Entry, now: number): boolean => now - entry.queuedAt > EXPIRY_MS;

export type Drop = "expired" | "overflow";

export interface Queue {
  /**
   * Store `response` as the newest state of its id: "stale" if an equal or newer state is already
   * queued, "volatile" if storage failed and it is only held in memory by this page.
   */
  put(response: SurveyResponse, now: number): Promise<"stored" | "volatile" | "stale">;
  /** The newest queued state of `id`. */
  read(id: string): Promise<Entry | undefined>;
  /** Save the bookkeeping of `entry`'s state, if that state is still queued. */
  update(entry: Entry): Promise<void>;
  /** Remove the state with `updatedAt` and older ones; a newer state stays queued. */
  remove(id: string, updatedAt: string): Promise<void>;
  ids(): Promise<string[]>;
  /**
   * When over the bound: drop the oldest entries (expired ones first, as they are the oldest);
   * returns the dropped ids with why. Expired entries within the bound go when their turn comes.
   */
  prune(now: number): Promise<Array<[string, Drop]>>;
}

// Storage is allowed to fail; a failed read or delete must not break delivery.
async function safely<T>(op: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await op();
  } catch {
    return fallback;
  }
}

/**
 * A queue over `storage`, bounded to `max` responses. Writes that fail (quota, private mode, a
 * broken backend) land in an in-memory overlay instead: the response is still delivered from this
 * page, it just would not survive a reload.
 */
export function createQueue(storage: KeyValueStorage, max: number): Queue {
  const memory = new Map<string, Entry>();
  const keyOf = (r: SurveyResponse) => `${QUEUE_PREFIX}${r.id}:${stamp(r)}`;
  const stampOf = (key: string) => Number(key.slice(key.lastIndexOf(":") + 1));
  const idOf = (key: string) => key.slice(QUEUE_PREFIX.length, key.lastIndexOf(":"));

  const keys = async (prefix: string) => {
    const stored = await safely(() => storage.keys(prefix), []);
    return [...new Set([...stored, ...memory.keys()])].filter((k) => k.startsWith(prefix));
  };
  /** Keys of the queued states of `id`, oldest first. */
  const statesOf = async (id: string) =>
    (await keys(`${QUEUE_PREFIX}${id}:`)).filter((k) => idOf(k) === id).sort((a, b) => stampOf(a) - stampOf(b)); // "a" is not "a:b"

  const load = async (key: string): Promise<Entry | undefined> => {
    const entry = memory.get(key) ?? (await safely(() => storage.get<Entry>(key), undefined));
    // Someone else's data under our prefix must not break delivery of the rest.
    return typeof entry?.response?.updatedAt === "string" ? entry : undefined;
  };

  /** True when stored durably, false when only kept in memory. */
  const write = async (entry: Entry) => {
    const key = keyOf(entry.response);
    try {
      await storage.set(key, entry);
      memory.delete(key);
      return true;
    } catch {
      memory.set(key, entry);
      return false;
    }
  };

  const drop = (key: string) => {
    memory.delete(key);
    return safely(() => storage.del(key), undefined);
  };

  const read = async (id: string) => {
    const states = await statesOf(id);
    const newest = states[states.length - 1];
    return newest ? load(newest) : undefined;
  };

  const remove = async (id: string, updatedAt: string) => {
    const delivered = stamp({ updatedAt } as SurveyResponse);
    for (const key of await statesOf(id)) if (stampOf(key) <= delivered) await drop(key);
  };

  const ids = async () => [...new Set((await keys(QUEUE_PREFIX)).map(idOf))];

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
      if (await load(keyOf(entry.response))) await write(entry);
    },
    async prune(now) {
      const list = await ids();
      if (list.length <= max) return [];
      // Expired entries are the oldest ones, so dropping the oldest drops those first.
      const entries = (await Promise.all(list.map(read))).filter((e) => !!e).sort((a, b) => a.queuedAt - b.queuedAt);
      const dropped = entries
        .slice(0, Math.max(0, entries.length - max))
        .map((e): [string, Drop] => [e.response.id, isExpired(e, now) ? "expired" : "overflow"]);
      for (const [id] of dropped) for (const key of await statesOf(id)) await drop(key);
      return dropped;
    },
  };
}
