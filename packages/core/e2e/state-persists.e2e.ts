// Per-user state must survive reloads in a real browser (IndexedDB), and must keep working when
// IndexedDB is missing or broken (localStorage), or when no storage works at all (memory).
import { beforeAll, describe, expect, test } from "vitest";
import { watchPage, type Page } from "@npskit/test-support/chromium";
import { useBrowserAndServer } from "@npskit/test-support/journey";
import { bundleForBrowser } from "@npskit/test-support/bundle";

const env = useBrowserAndServer();

/** Page setup scripts that run before the bundle, simulating hostile environments. */
const ENVIRONMENTS = {
  normal: "",
  "no IndexedDB": `Object.defineProperty(window, "indexedDB", { value: undefined, configurable: true });`,
  "IndexedDB throws on open": `IDBFactory.prototype.open = function () { throw new DOMException("blocked", "SecurityError"); };`,
  "no storage at all": `Object.defineProperty(window, "indexedDB", { value: undefined, configurable: true });
    Storage.prototype.setItem = function () { throw new DOMException("full", "QuotaExceededError"); };`,
};

beforeAll(async () => {
  const bundle = await bundleForBrowser("packages/core/e2e/state-entry.ts", "core-state");
  for (const [name, setup] of Object.entries(ENVIRONMENTS)) {
    env.server.page(
      `/t/core-state-${name.replace(/\W+/g, "-")}.html`,
      `<!doctype html><title>core state</title>
      <script>${setup}</script><script type="module" src="${bundle}"></script>`,
    );
  }
});

type Visit = {
  backend: string;
  state: { anonymousId: string; userId?: string; attributes: object; surveys: Record<string, unknown> };
};
const visit = async (page: Page, action?: "identify" | "answer"): Promise<Visit> => {
  await page.waitForFunction(() => "coreState" in window);
  return page.evaluate((a) => (window as any).coreState.visit(a), action);
};

async function open(name: keyof typeof ENVIRONMENTS) {
  const page = await env.browser.newPage();
  const watch = watchPage(page);
  await page.goto(`${env.server.url}/t/core-state-${name.replace(/\W+/g, "-")}.html`);
  return { page, watch };
}

describe("user state in Chromium", () => {
  test("survives reloads in IndexedDB", async () => {
    const { page, watch } = await open("normal");
    const first = await visit(page, "identify");
    await visit(page, "answer");
    expect(first.backend).toBe("indexeddb");
    await page.reload();
    const after = await visit(page);
    expect(after.backend).toBe("indexeddb");
    expect(after.state).toMatchObject({
      anonymousId: first.state.anonymousId,
      userId: "user-42",
      attributes: { plan: "pro" },
    });
    expect(after.state.surveys["nps-q4"]).toMatchObject({ lastAnsweredAt: expect.any(Number) });
    const where = await page.evaluate(async () => ({
      databases: (await indexedDB.databases()).map((d) => d.name),
      localStorageKeys: Object.keys(localStorage),
    }));
    expect(where).toEqual({ databases: ["npskit"], localStorageKeys: [] });
    expect(watch.pageErrors).toEqual([]);
    await page.close();
  });

  test.each(["no IndexedDB", "IndexedDB throws on open"] as const)("falls back to localStorage: %s", async (name) => {
    const { page, watch } = await open(name);
    const first = await visit(page, "identify");
    expect(first.backend).toBe("localstorage");
    await page.reload();
    const after = await visit(page);
    expect(after).toMatchObject({
      backend: "localstorage",
      state: { anonymousId: first.state.anonymousId, userId: "user-42" },
    });
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual(["npskit:state:user"]);
    expect(watch.pageErrors).toEqual([]);
    await page.close();
  });

  test("keeps working in memory when nothing can be stored", async () => {
    const { page, watch } = await open("no storage at all");
    const first = await visit(page, "identify");
    expect(first).toMatchObject({ backend: "memory", state: { userId: "user-42" } });
    await page.reload();
    const after = await visit(page);
    expect(after.state.anonymousId).not.toBe(first.state.anonymousId); // nothing persisted, nothing broke
    expect(watch.pageErrors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });
});
