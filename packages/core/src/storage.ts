/**
 * The small async key/value interface every persistent piece of npskit (per-user state, the
 * response queue) is written against. Values are JSON-compatible (structured-clone safe).
 * Implementations never throw for "storage unavailable": they fall back (see createStorage).
 */
export interface KeyValueStorage {
  get<T = unknown>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
  /** Keys that start with `prefix` (all keys when omitted). */
  keys(prefix?: string): Promise<string[]>;
}
