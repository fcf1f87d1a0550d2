import { DAY_MS } from "@npskit/core/runtime";
import { describe, expect, test } from "vitest";
import { memoryStorage, response } from "../test/fakes.js";
import { createQueue, EXPIRY_MS, QUEUE_PREFIX } from "./queue.js";

const T0 = Date.parse("2026-11-24T10:00:00Z");

describe("put", () => {
  test("stores one key per response state", async () => {
    const storage = memoryStorage();
    const queue = createQueue(storage, 200);
    const a = response({}, T0);
    const b = response({}, T0);
    const a2 = { ...a, updatedAt: new Date(T0 + 5).toISOString() };
    expect(await queue.put(a, T0)).toBe("stored");
    expect(await queue.put(b, T0)).toBe("stored");
    expect(await queue.put(a2, T0)).toBe("stored");
    expect(await storage.keys()).toEqual([
      `${QUEUE_PREFIX}${a.id}:${T0}`,
      `${QUEUE_PREFIX}${b.id}:${T0}`,
      `${QUEUE_PREFIX}${a.id}:${T0 + 5}`,
    ]);
    expect((await queue.read(a.id))?.response).toEqual(a2);
    expect((await queue.ids()).sort()).toEqual([a.id, b.id].sort());
  });

  test("writing back an older state's bookkeeping cannot replace a newer state (no lost comment)", async () => {
    const queue = createQueue(memoryStorage(), 200);
    const partial = response({ complete: false }, T0);
    const complete = { ...partial, complete: true, comment: "Too slow", updatedAt: new Date(T0 + 9_000).toISOString() };
    await queue.put(partial, T0);
    const beingDelivered = (await queue.read(partial.id))!;
    await queue.put(complete, T0);
    await queue.update({ ...beingDelivered, attempts: 1, due: T0 + 5_000 }); // the partial's attempt failed
    expect((await queue.read(partial.id))?.response).toEqual(complete);
  });

  test("the newest state of an id replaces an older one and restarts its bookkeeping", async () => {
    const queue = createQueue(memoryStorage(), 200);
    const partial = response({ complete: false }, T0);
    const complete = { ...partial, complete: true, comment: "Fast", updatedAt: new Date(T0 + 9_000).toISOString() };
    await queue.put(partial, T0);
    await queue.update({ ...(await queue.read(partial.id))!, attempts: 3, done: ["segment"] });
    expect(await queue.put(complete, T0 + 9_000)).toBe("stored");
    const entry = await queue.read(partial.id);
    expect(entry).toMatchObject({ response: complete, attempts: 0, done: [], queuedAt: T0 });
    expect(await queue.ids()).toEqual([partial.id]);
  });

  test("an older or equal state never overwrites a newer one", async () => {
    const queue = createQueue(memoryStorage(), 200);
    const complete = response({ complete: true }, T0 + 9_000);
    await queue.put(complete, T0);
    expect(await queue.put({ ...complete, complete: false, updatedAt: new Date(T0).toISOString() }, T0)).toBe("stale");
    expect(await queue.put(complete, T0)).toBe("stale");
    expect((await queue.read(complete.id))?.response.complete).toBe(true);
  });

  test("a failing storage keeps the response in memory instead of losing it", async () => {
    const storage = memoryStorage();
    storage.failSets = true;
    const queue = createQueue(storage, 200);
    const r = response();
    expect(await queue.put(r, T0)).toBe("volatile");
    expect(await queue.ids()).toEqual([r.id]);
    expect((await queue.read(r.id))?.response).toEqual(r);
    storage.failSets = false;
    await queue.update({ ...(await queue.read(r.id))!, attempts: 1 });
    expect(await storage.keys(QUEUE_PREFIX + r.id)).toHaveLength(1); // persisted once storage recovers
  });
});

describe("update and remove are conditional on the state", () => {
  test("update does not resurrect or overwrite a different state", async () => {
    const queue = createQueue(memoryStorage(), 200);
    const old = response({}, T0);
    await queue.put(old, T0);
    const stale = (await queue.read(old.id))!;
    const newer = { ...old, updatedAt: new Date(T0 + 1).toISOString() };
    await queue.put(newer, T0);
    await queue.update({ ...stale, attempts: 5 });
    expect((await queue.read(old.id))?.response).toEqual(newer);
    await queue.remove(old.id, old.updatedAt);
    expect((await queue.read(old.id))?.response).toEqual(newer);
    await queue.remove(old.id, newer.updatedAt);
    expect(await queue.read(old.id)).toBeUndefined();
    await queue.update({ ...stale, response: newer });
    expect(await queue.ids()).toEqual([]);
  });
});

describe("prune", () => {
  test("does nothing within the bound, even with expired entries (delivery drops those)", async () => {
    const queue = createQueue(memoryStorage(), 3);
    await queue.put(response(), T0);
    expect(await queue.prune(T0 + EXPIRY_MS + DAY_MS)).toEqual([]);
    expect(await queue.ids()).toHaveLength(1);
  });

  test("over the bound drops expired entries first, then the oldest", async () => {
    const queue = createQueue(memoryStorage(), 2);
    const expired = response();
    const oldest = response();
    const middle = response();
    const newest = response();
    await queue.put(oldest, T0 + 10 * DAY_MS);
    await queue.put(expired, T0);
    await queue.put(middle, T0 + 20 * DAY_MS);
    await queue.put(newest, T0 + 30 * DAY_MS);
    const dropped = await queue.prune(T0 + 31 * DAY_MS);
    expect(dropped).toEqual([
      [expired.id, "expired"],
      [oldest.id, "overflow"],
    ]);
    expect((await queue.ids()).sort()).toEqual([middle.id, newest.id].sort());
  });
});

test("ids that extend one another stay apart, and a malformed updatedAt can still be removed", async () => {
  const queue = createQueue(memoryStorage(), 200);
  const a = response({ id: "resp:a-0001" }, T0);
  const ab = response({ id: "resp:a-0001:b" }, T0 + 5);
  const broken = response({ updatedAt: "not a date" });
  for (const r of [a, ab, broken]) await queue.put(r, T0);
  expect((await queue.read(a.id))?.response).toEqual(a);
  await queue.remove(a.id, a.updatedAt);
  expect((await queue.read(ab.id))?.response).toEqual(ab);
  await queue.remove(broken.id, broken.updatedAt);
  expect((await queue.ids()).sort()).toEqual([ab.id]);
});

test("foreign values under the queue prefix are ignored", async () => {
  const storage = memoryStorage();
  await storage.set(QUEUE_PREFIX + "junk:1", "not an entry");
  await storage.set(QUEUE_PREFIX + "junk", { response: 1 });
  const queue = createQueue(storage, 200);
  expect(await queue.read("junk")).toBeUndefined();
  expect(await queue.prune(T0)).toEqual([]);
});
