import { expect, test, vi } from "vitest";
import { fakeLocks, memoryStorage } from "../test/fakes.js";
import { LEASE_MS, LEASE_PREFIX, storageLease, webLock } from "./lock.js";

const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
};

test("web lock: a second holder is refused while the first runs, then admitted", async () => {
  const lock = webLock(fakeLocks());
  const first = gate();
  const held = lock("a", () => first.opened);
  expect(await lock("a", async () => {})).toBe(false);
  expect(await lock("b", async () => {})).toBe(true); // locks are per name
  first.open();
  expect(await held).toBe(true);
  expect(await lock("a", async () => {})).toBe(true);
});

test("web lock refused by the browser (opaque origin): the work still runs, once", async () => {
  const refusing = {
    request: () => Promise.reject(new DOMException("opaque origin", "SecurityError")),
  } as unknown as LockManager;
  const work = vi.fn(async () => {});
  expect(await webLock(refusing)("a", work)).toBe(true);
  expect(work).toHaveBeenCalledOnce();
  const failing = vi.fn(async () => {
    throw new Error("storage broke mid-delivery");
  });
  await expect(webLock(fakeLocks())("a", failing)).rejects.toThrow("storage broke");
  expect(failing).toHaveBeenCalledOnce(); // a failure inside the lock is not retried outside it
});

const noWait = async () => {};

test("lease: one tab at a time, released after the work", async () => {
  const storage = memoryStorage();
  const t = 1_000;
  const now = () => t;
  const tabA = storageLease(storage, now, "A", noWait);
  const tabB = storageLease(storage, now, "B", noWait);
  const first = gate();
  const held = tabA("x", () => first.opened);
  await Promise.resolve();
  await Promise.resolve();
  let ran = false;
  expect(await tabB("x", async () => void (ran = true))).toBe(false);
  expect(ran).toBe(false);
  first.open();
  expect(await held).toBe(true);
  expect(await storage.keys(LEASE_PREFIX)).toEqual([]);
  expect(await tabB("x", async () => void (ran = true))).toBe(true);
  expect(ran).toBe(true);
});

test("lease: a closed tab's lease expires", async () => {
  const storage = memoryStorage();
  let t = 1_000;
  await storage.set(LEASE_PREFIX + "x", { owner: "closed-tab", until: t + LEASE_MS });
  const tab = storageLease(storage, () => t, "B", noWait);
  expect(await tab("x", async () => {})).toBe(false);
  t += LEASE_MS + 1;
  expect(await tab("x", async () => {})).toBe(true);
});

test("lease: two tabs claiming at once, the last writer wins and the other backs off", async () => {
  const storage = memoryStorage();
  const now = () => 1_000;
  const both = gate();
  // Both read "free" and claim before either checks: the settle wait lets the race resolve.
  const settle = () => both.opened;
  const runs: string[] = [];
  const a = storageLease(storage, now, "A", settle)("x", async () => void runs.push("A"));
  const b = storageLease(storage, now, "B", settle)("x", async () => void runs.push("B"));
  await new Promise((r) => setTimeout(r, 0));
  both.open();
  expect(await Promise.all([a, b])).toEqual([false, true]);
  expect(runs).toEqual(["B"]);
});

test("lease: broken storage does not block delivery", async () => {
  const storage = memoryStorage();
  storage.failSets = true;
  expect(await storageLease(storage, () => 0, "A", noWait)("x", async () => {})).toBe(true);
});
