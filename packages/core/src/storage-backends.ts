// KeyValueStorage backends: IndexedDB, localStorage, memory, and the fallback chain
// createStorage() builds from them. The chain moves to the next backend when one is unavailable
// at start AND when one fails later (quota, private mode, SecurityError, a hung open), so callers
// never see a storage error.
import type { KeyValueStorage } from "./storage.js";
import { withTimeout } from "./clock.js";
import { toJson } from "./json.js";
import { plainCopy } from "./values.js";

export type BackendName = "indexeddb" | "localstorage" | "memory";

export interface NamedStorage extends KeyValueStorage {
  readonly name: BackendName;
}

export interface FallbackStorage extends KeyValueStorage {
  /** The backend in use now; changes when one fails. */
  backend(): BackendName;
}

const startsWith = (prefix?: string) => (key: string) => !prefix || key.startsWith(prefix);

/** Storage that lives as long as the page: for tests, and for consent-off mode. */
export function memoryStorage(): NamedStorage {
  const map = new Map<string, unknown>();
  return {
    name: "memory",
    get: async <T>(key: string) => plainCopy(map.get(key)) as T | undefined,
    set: async (key, value) => void map.set(key, plainCopy(value)),
    del: async (key) => void map.delete(key),
    keys: async (prefix) => [...map.keys()].filter(startsWith(prefix)),
  };
}

/**
 * localStorage under a key prefix. Whether it can be used (reading `localStorage` throws in
 * sandboxed frames; a write proves quota) is checked on first use, not at creation: it is the
 * fallback, and the check is a synchronous write that sessions where IndexedDB works never need.
 * An operation on unusable storage rejects, so a fallback chain moves on.
 */
export function localStorageBackend(prefix = "npskit:", ls?: Storage): NamedStorage {
  let checked: Storage | undefined;
  const store = () => {
    if (!checked) {
      const s = ls ?? globalThis.localStorage;
      s.setItem(prefix + "probe", "1");
      s.removeItem(prefix + "probe");
      checked = s;
    }
    return checked;
  };
  return {
    name: "localstorage",
    get: async <T>(key: string) => {
      const raw = store().getItem(prefix + key);
      return (raw === null ? undefined : JSON.parse(raw)) as T | undefined;
    },
    set: async (key, value) => store().setItem(prefix + key, toJson(value)),
    del: async (key) => store().removeItem(prefix + key),
    keys: async (p) => {
      const s = store();
      const out: string[] = [];
      for (let i = 0; i < s.length; i++) {
        const key = s.key(i);
        if (key?.startsWith(prefix)) out.push(key.slice(prefix.length));
      }
      return out.filter(startsWith(p));
    },
  };
}

/** Settles with a request's result, or when a transaction completes. */
const settled = <T>(r: IDBRequest<T> | IDBTransaction) =>
  new Promise<T>((resolve, reject) => {
    (r as IDBTransaction).oncomplete = (r as IDBRequest).onsuccess = () => resolve((r as IDBRequest<T>).result);
    (r as IDBTransaction).onabort = r.onerror = () => reject(r.error);
  });

/** IndexedDB database `npskit`, store `kv`; undefined when the browser has no IndexedDB. */
export function indexedDbBackend(dbName = "npskit", storeName = "kv"): NamedStorage | undefined {
  let opened: Promise<IDBDatabase> | undefined;
  try {
    if (!globalThis.indexedDB) return undefined;
  } catch {
    return undefined;
  }
  /** Opened on first use, and again after the browser closed it. */
  const db = () => {
    if (!opened) {
      const request = indexedDB.open(dbName);
      request.onupgradeneeded = () => request.result.createObjectStore(storeName);
      opened = settled(request);
      opened.then(
        (d) => void (d.onclose = () => (opened = undefined)),
        () => (opened = undefined),
      );
    }
    return opened;
  };
  /** One transaction; a write resolves once it is committed. */
  const use = async <T>(mode: IDBTransactionMode, op: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const store = (await db()).transaction(storeName, mode).objectStore(storeName);
    const request = op(store);
    return mode === "readonly" ? settled(request) : settled<T>(store.transaction);
  };
  return {
    name: "indexeddb",
    get: (key) => use("readonly", (s) => s.get(key)),
    set: (key, value) => use("readwrite", (s) => s.put(value, key)).then(() => {}),
    del: (key) => use("readwrite", (s) => s.delete(key)),
    // A key range: only the keys under `prefix` are read, never the whole store.
    keys: async (prefix) =>
      (
        await use("readonly", (s) => s.getAllKeys(prefix ? IDBKeyRange.bound(prefix, prefix + "\uffff") : undefined))
      ).map(String),
  };
}

export interface FallbackOptions {
  /** Longest wait for one operation before the backend counts as failed. Default 3000 ms. */
  timeoutMs?: number;
  /** Told when a backend fails and the next one takes over (for diagnostics). */
  onFallback?: (from: BackendName, to: BackendName, error: unknown) => void;
}

/**
 * Use `backends` in order, moving on when one throws. Writes made this session are replayed into
 * the next backend, so nothing written before the failure is lost for the rest of the session.
 * A memory backend is always added last, so every operation eventually succeeds.
 */
export function fallbackStorage(backends: NamedStorage[], options: FallbackOptions = {}): FallbackStorage {
  const chain = [...backends, memoryStorage()];
  const written = new Map<string, unknown>(); // undefined = deleted
  let index = 0;

  const failOver = async (error: unknown) => {
    const from = chain[index]!.name;
    index++;
    options.onFallback?.(from, chain[index]!.name, error);
    for (const [key, value] of written) {
      try {
        await (value === undefined ? chain[index]!.del(key) : chain[index]!.set(key, value));
      } catch {
        return; // the next operation will fail over again
      }
    }
  };

  async function run<T>(op: (s: NamedStorage) => Promise<T>): Promise<T> {
    for (;;) {
      const current = chain[index]!;
      try {
        return await (current.name === "memory"
          ? op(current)
          : withTimeout(op(current), options.timeoutMs ?? 3000, "storage timed out"));
      } catch (error) {
        await failOver(error);
      }
    }
  }

  return {
    backend: () => chain[index]!.name,
    get: (key) => run((s) => s.get(key)),
    set: (key, value) => {
      written.set(key, plainCopy(value));
      return run((s) => s.set(key, value));
    },
    del: (key) => {
      written.set(key, undefined);
      return run((s) => s.del(key));
    },
    keys: (prefix) => run((s) => s.keys(prefix)),
  };
}

/** The best storage this environment offers: IndexedDB, else localStorage, else memory. */
export function createStorage(options: FallbackOptions = {}): FallbackStorage {
  const backends = [indexedDbBackend(), localStorageBackend()].filter((b): b is NamedStorage => b !== undefined);
  return fallbackStorage(backends, options);
}
