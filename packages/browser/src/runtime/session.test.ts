// @vitest-environment jsdom
import { beforeEach, expect, test, vi } from "vitest";
import { localStorageBackend, type NpsKitConfig } from "@npskit/core/runtime";
import type { StartDelivery } from "../lazy-parts.js";
import { createSession } from "./session.js";

beforeEach(() => localStorage.clear());

/** A session over localStorage (jsdom has no IndexedDB) with answers an earlier page left behind. */
async function withLeftovers() {
  await localStorageBackend().set("npskit:q:left-behind", { id: "left-behind" });
  const start = vi.fn(() => ({ destroy: vi.fn() }));
  const loadClient = vi.fn(async () => start as unknown as StartDelivery);
  const session = createSession({ requireConsent: false } as NpsKitConfig, {
    emit: () => {},
    report: () => {},
    loadClient,
    loadStorage: async () => localStorageBackend(),
  });
  return { session, start };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

test("answers left by an earlier page start delivery once the state has loaded", async () => {
  const { session, start } = await withLeftovers();
  await session.load();
  await settle();
  expect(start).toHaveBeenCalledTimes(1);
});

test("destroy() while the state or a survey's UI loads starts no delivery afterwards", async () => {
  const { session, start } = await withLeftovers();
  const loading = session.load();
  session.destroy();
  await loading;
  await session.prepareDelivery(); // the UI chunk arrived after destroy (runtime/runtime.ts loadUI)
  await settle();
  expect(start).not.toHaveBeenCalled();
});

test("a user id longer than the wire format allows is reported once per identify(), and kept for targeting", async () => {
  const report = vi.fn();
  const session = createSession({ requireConsent: false } as NpsKitConfig, {
    emit: () => {},
    report,
    loadClient: vi.fn(),
    loadStorage: async () => localStorageBackend(),
  });
  await session.load();
  await session.identify("u".repeat(200));
  expect(report).not.toHaveBeenCalled();
  await session.identify("u".repeat(201));
  expect(report).toHaveBeenCalledWith("identify", "userId is longer than 200 characters: answers are sent without it");
  expect(session.who().userId).toBe("u".repeat(201));
});
