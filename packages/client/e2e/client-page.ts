// Test page entry for the client's browser tests: a client over IndexedDB, driven from the test
// through `window.npsTest`. Bundled with bundleForBrowser.
import type { KeyValueStorage, SurveyResponse } from "@npskit/core";
import { createClient, type Client, type ClientTarget } from "@npskit/client";

/** IndexedDB-backed KeyValueStorage (core's production storage is tested in core). */
function idbStorage(): KeyValueStorage {
  const db = new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open("npskit-client-e2e", 1);
    open.onupgradeneeded = () => open.result.createObjectStore("kv");
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const run = <T>(mode: IDBTransactionMode, op: (store: IDBObjectStore) => IDBRequest<T>) =>
    db.then(
      (d) =>
        new Promise<T>((resolve, reject) => {
          const tx = d.transaction("kv", mode);
          const request = op(tx.objectStore("kv"));
          tx.oncomplete = () => resolve(request.result);
          tx.onerror = tx.onabort = () => reject(tx.error);
        }),
    );
  return {
    get: <T>(key: string) => run("readonly", (s) => s.get(key)) as Promise<T | undefined>,
    set: (key, value) => run("readwrite", (s) => s.put(value, key)).then(() => {}),
    del: (key) => run("readwrite", (s) => s.delete(key)).then(() => {}),
    keys: async (prefix = "") => (await run("readonly", (s) => s.getAllKeys())).map(String).filter((k) => k.startsWith(prefix)),
  };
}

export interface StartOptions {
  endpoint: string;
  /** Always draw the top of the jitter range: the first retry comes at ~5 s. */
  slowRetries?: boolean;
  /** Hide Web Locks from the client, so tabs coordinate through the storage lease. */
  noLocks?: boolean;
  maxQueued?: number;
}

const storage = idbStorage();
const events: Array<{ name: string; detail: unknown }> = [];
let client: Client | undefined;

function start(options: StartOptions) {
  const target: ClientTarget | undefined = options.noLocks
    ? {
        addEventListener: (type, fn) => window.addEventListener(type, fn),
        removeEventListener: (type, fn) => window.removeEventListener(type, fn),
        document,
        navigator: {},
      }
    : undefined;
  client = createClient({
    storage,
    endpoint: options.endpoint,
    ...(target && { target }),
    ...(options.slowRetries && { random: () => 0.999 }),
    ...(options.maxQueued && { maxQueued: options.maxQueued }),
  });
  client.on("delivered", (detail) => events.push({ name: "delivered", detail }));
  client.on("error", (detail) => events.push({ name: "error", detail }));
}

const npsTest = {
  start,
  events,
  submit: (r: SurveyResponse) => client!.submit(r),
  flush: () => client!.flush(),
  queued: () => storage.keys("npskit:q:"),
};
declare global {
  interface Window {
    npsTest: typeof npsTest;
  }
}
window.npsTest = npsTest;
