// Test doubles for the client's seams: storage, page events, fetch, Web Locks, responses.
import type { KeyValueStorage, SurveyResponse } from "@npskit/core";
import type { ClientTarget } from "../src/client.js";

/** In-memory KeyValueStorage that clones values like IndexedDB does; `failSets` makes writes throw. */
export function memoryStorage() {
  const data = new Map<string, unknown>();
  const storage = {
    data,
    failSets: false,
    async get<T>(key: string) {
      return data.has(key) ? (structuredClone(data.get(key)) as T) : undefined;
    },
    async set(key: string, value: unknown) {
      if (storage.failSets) throw new Error("QuotaExceededError");
      data.set(key, structuredClone(value));
    },
    async del(key: string) {
      data.delete(key);
    },
    async keys(prefix = "") {
      return [...data.keys()].filter((k) => k.startsWith(prefix));
    },
  };
  return storage satisfies KeyValueStorage;
}

/** A window-like event target; `fire("online")` dispatches to the client's listeners. */
export function fakeWindow(navigator: ClientTarget["navigator"] = {}) {
  const listeners = new Map<string, Set<() => void>>();
  return {
    document: { visibilityState: "visible" },
    navigator,
    addEventListener: (type: string, fn: () => void) =>
      void listeners.set(type, (listeners.get(type) ?? new Set()).add(fn)),
    removeEventListener: (type: string, fn: () => void) => void listeners.get(type)?.delete(fn),
    fire: (type: string) => listeners.get(type)?.forEach((fn) => fn()),
    count: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
  };
}

export interface FetchCall {
  url: string;
  init: RequestInit;
  body: SurveyResponse;
}

/**
 * A fetch whose answers are scripted: each entry of `answers` is a status, a [status, headers, body]
 * tuple, "network" (rejects) or "hang" (never settles until aborted). 200 once the script is empty.
 */
export function fakeFetch(...answers: Array<number | "network" | "hang" | [number, Record<string, string>, string?]>) {
  const calls: FetchCall[] = [];
  const fetch = (url: string | URL | Request, init: RequestInit = {}) => {
    calls.push({ url: String(url), init, body: JSON.parse(String(init.body)) });
    const answer = answers.shift() ?? 200;
    if (answer === "network") return Promise.reject(new TypeError("Failed to fetch"));
    if (answer === "hang")
      return new Promise<Response>((_, reject) =>
        init.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))),
      );
    const [status, headers, body] = typeof answer === "number" ? [answer, {}, "{}"] : answer;
    return Promise.resolve(new Response(body ?? "", { status, headers }));
  };
  return Object.assign(fetch as typeof globalThis.fetch, { calls, answers });
}

/** A LockManager shared by several fake tabs: `ifAvailable` requests fail while the name is held. */
export function fakeLocks(): LockManager {
  const held = new Set<string>();
  const request = async (name: string, _options: LockOptions, fn: (lock: Lock | null) => unknown) => {
    if (held.has(name)) return fn(null);
    held.add(name);
    try {
      return await fn({ name, mode: "exclusive" } as Lock);
    } finally {
      held.delete(name);
    }
  };
  return { request, query: async () => ({}) } as unknown as LockManager;
}

let n = 0;
/** A wire-format response; `at` is the ms of its updatedAt. */
export function response(overrides: Partial<SurveyResponse> = {}, at = Date.now()): SurveyResponse {
  n++;
  return {
    id: `resp-${String(n).padStart(4, "0")}-abcdef`,
    surveyId: "nps-q4",
    kind: "nps",
    score: 9,
    category: "promoter",
    complete: true,
    anonymousId: "anon-1",
    createdAt: new Date(at).toISOString(),
    updatedAt: new Date(at).toISOString(),
    sdk: { name: "npskit", version: "0.1.0" },
    ...overrides,
  };
}
