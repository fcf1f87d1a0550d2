import "fake-indexeddb/auto";
import { describe, expect, it, vi } from "vitest";
import {
  createStorage,
  fallbackStorage,
  indexedDbBackend,
  localStorageBackend,
  memoryStorage,
  type NamedStorage,
} from "./storage-backends.js";

/** A Storage like the browser's, whose setItem can be made to throw (quota, private mode). */
function fakeLocalStorage() {
  const map = new Map<string, string>();
  let failWith: Error | undefined;
  const ls = {
    get length() {
      return map.size;
    },
    key: (i: number) => [...map.keys()][i] ?? null,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (failWith) throw failWith;
      map.set(k, v);
    },
    removeItem: (k: string) => void map.delete(k),
    clear: () => map.clear(),
  } as Storage;
  return { ls, map, fail: (e: Error) => (failWith = e) };
}

const throwing = (name: NamedStorage["name"], error = new DOMException("denied", "SecurityError")): NamedStorage => ({
  name,
  get: () => Promise.reject(error),
  set: () => Promise.reject(error),
  del: () => Promise.reject(error),
  keys: () => Promise.reject(error),
});

describe("memoryStorage", () => {
  it("stores copies, deletes and lists keys by prefix", async () => {
    const s = memoryStorage();
    const value = { a: [1] };
    await s.set("state:user", value);
    await s.set("queue:1", 1);
    value.a.push(2);
    expect(await s.get("state:user")).toEqual({ a: [1] });
    expect(await s.keys("queue:")).toEqual(["queue:1"]);
    await s.del("queue:1");
    expect(await s.keys()).toEqual(["state:user"]);
  });
});

describe("createStorage", () => {
  it("uses IndexedDB when the environment has it, and what it stores outlives the instance", async () => {
    const first = createStorage();
    expect(first.backend()).toBe("indexeddb");
    await first.set("state:user", { anonymousId: "a1" });
    const second = createStorage(); // a reload: a new instance over the same database
    expect(await second.get("state:user")).toEqual({ anonymousId: "a1" });
    expect(await second.keys("state:")).toEqual(["state:user"]);
  });

  it("falls back to memory when neither IndexedDB nor localStorage exist", async () => {
    vi.stubGlobal("indexedDB", undefined);
    try {
      const s = createStorage();
      await s.set("k", 1);
      expect(s.backend()).toBe("memory");
      expect(await s.get("k")).toBe(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe("createStorage's localStorage fallback", () => {
  it("is not touched while IndexedDB works (its probe is a synchronous write)", async () => {
    const { ls, map } = fakeLocalStorage();
    const setItem = vi.spyOn(ls, "setItem");
    vi.stubGlobal("localStorage", ls);
    try {
      const s = createStorage();
      await s.set("k", 1);
      expect(s.backend()).toBe("indexeddb");
      expect(setItem).not.toHaveBeenCalled();
      expect(map.size).toBe(0);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("is used without IndexedDB, and gives way to memory when its probe write is refused", async () => {
    const { ls, map, fail } = fakeLocalStorage();
    vi.stubGlobal("indexedDB", undefined);
    vi.stubGlobal("localStorage", ls);
    try {
      const usable = createStorage();
      await usable.set("k", 1);
      expect(usable.backend()).toBe("localstorage");
      expect(map.get("npskit:k")).toBe("1");
      fail(new DOMException("full", "QuotaExceededError"));
      const refused = createStorage();
      await refused.set("k", 2);
      expect(refused.backend()).toBe("memory");
      expect(await refused.get("k")).toBe(2);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe("indexedDbBackend", () => {
  it("lists the keys under a prefix with a key range, never the whole store", async () => {
    const s = indexedDbBackend("npskit-range-test")!;
    for (const key of ["npskit:q:a:1", "npskit:q:b:2", "npskit:qx", "npskit:p", "state:user"]) await s.set(key, 1);
    const getAllKeys = vi.spyOn(IDBObjectStore.prototype, "getAllKeys");
    try {
      expect((await s.keys("npskit:q:")).sort()).toEqual(["npskit:q:a:1", "npskit:q:b:2"]);
      expect(getAllKeys.mock.calls[0]![0]).toBeInstanceOf(IDBKeyRange);
      expect((await s.keys()).length).toBe(5);
    } finally {
      getAllKeys.mockRestore();
    }
  });

  it("fails over at the first operation when opening the database throws", async () => {
    vi.stubGlobal("indexedDB", {
      open: () => {
        throw new DOMException("blocked", "SecurityError");
      },
    });
    try {
      const s = fallbackStorage([indexedDbBackend()!]);
      await s.set("k", 1);
      expect(s.backend()).toBe("memory");
      expect(await s.get("k")).toBe(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe("localStorageBackend", () => {
  it("prefixes keys with npskit: and round-trips JSON", async () => {
    const { ls, map } = fakeLocalStorage();
    map.set("other-app", "x");
    const s = localStorageBackend("npskit:", ls);
    await s.set("state:user", { n: 1 });
    expect(map.get("npskit:state:user")).toBe('{"n":1}');
    expect(await s.get("state:user")).toEqual({ n: 1 });
    expect(await s.keys()).toEqual(["state:user"]);
  });

  it("rejects its first operation when a write is refused (private mode, disabled storage)", async () => {
    const { ls, fail } = fakeLocalStorage();
    fail(new DOMException("full", "QuotaExceededError"));
    await expect(localStorageBackend("npskit:", ls).get("k")).rejects.toThrow("full");
  });

  it("rejects where reading localStorage itself throws (sandboxed frames)", async () => {
    vi.stubGlobal("localStorage", undefined);
    Object.defineProperty(globalThis, "localStorage", {
      configurable: true,
      get: () => {
        throw new DOMException("denied", "SecurityError");
      },
    });
    try {
      const s = fallbackStorage([localStorageBackend()]);
      await s.set("k", 1);
      expect(s.backend()).toBe("memory");
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe("fallbackStorage", () => {
  it("moves to the next backend on an error and keeps this session's writes", async () => {
    const { ls, fail } = fakeLocalStorage();
    const onFallback = vi.fn();
    const s = fallbackStorage([localStorageBackend("npskit:", ls)], { onFallback });
    await s.set("a", 1);
    fail(new DOMException("full", "QuotaExceededError"));
    await s.set("b", 2); // quota exceeded: memory takes over, with "a" replayed
    expect(s.backend()).toBe("memory");
    expect(await s.get("a")).toBe(1);
    expect(await s.get("b")).toBe(2);
    expect(onFallback).toHaveBeenCalledWith("localstorage", "memory", expect.any(DOMException));
  });

  it("skips every failing backend, whatever operation fails first", async () => {
    const s = fallbackStorage([throwing("indexeddb"), throwing("localstorage")]);
    expect(await s.get("missing")).toBeUndefined();
    expect(s.backend()).toBe("memory");
    await s.set("k", "v");
    expect(await s.keys()).toEqual(["k"]);
  });

  it("treats a backend that never answers as failed", async () => {
    const hung: NamedStorage = { ...throwing("indexeddb"), get: () => new Promise(() => {}) };
    const s = fallbackStorage([hung], { timeoutMs: 20 });
    expect(await s.get("k")).toBeUndefined();
    expect(s.backend()).toBe("memory");
  });

  it("replays deletes too", async () => {
    const flaky = memoryStorage();
    let broken = false;
    const backend: NamedStorage = {
      ...flaky,
      name: "indexeddb",
      set: (k, v) => (broken ? Promise.reject(new Error("x")) : flaky.set(k, v)),
    };
    const s = fallbackStorage([backend]);
    await s.set("a", 1);
    await s.del("a");
    broken = true;
    await s.set("b", 2);
    expect(await s.keys()).toEqual(["b"]);
  });
});
