import "fake-indexeddb/auto";
import { describe, expect, it, vi } from "vitest";
import {
  identifyState,
  loadUserState,
  newUserState,
  randomId,
  recordOutcome,
  sanitizeState,
  USER_STATE_KEY,
} from "./user-state.js";
import { createStorage, memoryStorage } from "./storage-backends.js";
import { NOW } from "./test-support.test-data.js";

let n = 0;
const ids = () => `id-${++n}`;

describe("randomId", () => {
  it("is a v4 UUID", () => {
    expect(randomId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(randomId()).not.toBe(randomId());
  });
});

describe("user state transitions", () => {
  it("records shows, dismissals and answers; an answer starts a new round of displays", () => {
    let s = newUserState("a");
    s = recordOutcome(s, "nps", "shown", 1);
    s = recordOutcome(s, "nps", "dismissed", 2);
    s = recordOutcome(s, "nps", "shown", 3);
    expect(s.surveys.nps).toEqual({ displays: 2, lastShownAt: 3, lastDismissedAt: 2 });
    expect(s.lastSurveyShownAt).toBe(3);
    s = recordOutcome(s, "nps", "answered", 4);
    expect(s.surveys.nps).toMatchObject({ displays: 0, lastAnsweredAt: 4 });
  });

  it("anonymous → identified keeps the history; user A → user B starts fresh", () => {
    const anon = recordOutcome(newUserState("anon-1"), "nps", "answered", NOW);
    const a = identifyState(anon, "A", { plan: "pro" }, ids);
    expect(a).toMatchObject({ anonymousId: "anon-1", userId: "A", attributes: { plan: "pro" } });
    expect(a.surveys.nps?.lastAnsweredAt).toBe(NOW);
    const again = identifyState(a, "A", { seats: 3 }, ids);
    expect(again.attributes).toEqual({ plan: "pro", seats: 3 });
    const b = identifyState(a, "B", { plan: "free" }, ids);
    expect(b.userId).toBe("B");
    expect(b.anonymousId).not.toBe("anon-1");
    expect(b.surveys).toEqual({});
    expect(b.attributes).toEqual({ plan: "free" });
  });

  it("keeps a userHash beside its user id only: another user or no hash given for a new user drops it", () => {
    const hashA = "a".repeat(64);
    const a = identifyState(newUserState("anon-1"), "A", {}, ids, hashA);
    expect(a).toMatchObject({ userId: "A", userHash: hashA });
    expect(identifyState(a, "A", { seats: 3 }, ids).userHash).toBe(hashA);
    expect(identifyState(a, "A", {}, ids, "b".repeat(64)).userHash).toBe("b".repeat(64));
    expect(identifyState(a, "B", {}, ids)).not.toHaveProperty("userHash");
    expect(identifyState(a, "B", {}, ids, "c".repeat(64)).userHash).toBe("c".repeat(64));
    expect(sanitizeState({ anonymousId: "x", userId: "A", userHash: hashA })?.userHash).toBe(hashA);
    expect(sanitizeState({ anonymousId: "x", userHash: hashA })).not.toHaveProperty("userHash");
  });

  it("reads stored data defensively", () => {
    expect(sanitizeState(null)).toBeUndefined();
    expect(sanitizeState({ anonymousId: 5 })).toBeUndefined();
    expect(
      sanitizeState({ anonymousId: "x", surveys: { nps: { displays: "2", lastShownAt: 5 }, bad: 1 }, attributes: [] }),
    ).toEqual({
      anonymousId: "x",
      attributes: {},
      surveys: { nps: { displays: 0, lastShownAt: 5 } },
    });
  });
});

describe("loadUserState", () => {
  it("persists every change through the storage", async () => {
    const storage = memoryStorage();
    const store = await loadUserState(storage, { clock: () => NOW, newId: () => "anon-1" });
    await store.identify("user-42", { plan: "pro" });
    await store.record("nps", "shown");
    const reloaded = await loadUserState(storage, { newId: () => "never" });
    expect(reloaded.get()).toEqual({
      anonymousId: "anon-1",
      userId: "user-42",
      attributes: { plan: "pro" },
      surveys: { nps: { displays: 1, lastShownAt: NOW } },
      lastSurveyShownAt: NOW,
    });
  });

  it("reset forgets the user, attributes and history", async () => {
    const storage = memoryStorage();
    const store = await loadUserState(storage, { newId: ids });
    await store.identify("A", { plan: "pro" }, "a".repeat(64));
    await store.record("nps", "answered");
    expect(store.get().userHash).toBe("a".repeat(64));
    const before = store.get().anonymousId;
    const after = await store.reset();
    expect(after.userId).toBeUndefined();
    expect(after).not.toHaveProperty("userHash");
    expect(after.attributes).toEqual({});
    expect(after.surveys).toEqual({});
    expect(after.anonymousId).not.toBe(before);
    expect(await storage.get(USER_STATE_KEY)).toEqual(after);
  });

  it("keeps another tab's changes when writing", async () => {
    const storage = memoryStorage();
    const tab1 = await loadUserState(storage, { newId: ids, clock: () => NOW });
    const tab2 = await loadUserState(storage, { clock: () => NOW });
    await tab2.record("csat", "shown");
    await tab1.record("nps", "dismissed");
    expect(Object.keys(tab1.get().surveys).sort()).toEqual(["csat", "nps"]);
  });

  it("recovers from a corrupt stored state", async () => {
    const storage = memoryStorage();
    await storage.set(USER_STATE_KEY, "garbage");
    const store = await loadUserState(storage, { newId: () => "fresh" });
    expect(store.get()).toEqual(newUserState("fresh"));
  });

  it("a returning visitor identified the same way reads the state once and writes nothing", async () => {
    const storage = memoryStorage();
    const first = await loadUserState(storage, { newId: () => "anon" });
    await first.identify("u-1", { plan: "pro", seats: 3 });
    const reads = vi.spyOn(storage, "get");
    const writes = vi.spyOn(storage, "set");
    const again = await loadUserState(storage);
    await again.identify("u-1", { plan: "pro", seats: 3 });
    await again.setAttributes({ plan: "pro" });
    expect(reads).toHaveBeenCalledTimes(1);
    expect(writes).not.toHaveBeenCalled();
    await again.setAttributes({ plan: "team" }); // a change is read-modify-written as before
    expect(writes).toHaveBeenCalledTimes(1);
  });

  it("works over IndexedDB", async () => {
    const store = await loadUserState(createStorage(), { newId: () => "idb-anon" });
    await store.setAttributes({ plan: "team" });
    const reloaded = await loadUserState(createStorage());
    expect(reloaded.get()).toMatchObject({ anonymousId: "idb-anon", attributes: { plan: "team" } });
  });
});
