// Real-Chromium journeys for response delivery: outages, rejections, closed tabs, several tabs,
// and leaving the page right after answering. The fake collector's `received` log is the truth.
import type { SurveyResponse } from "@npskit/core";
import { beforeAll, expect, test } from "vitest";
import { bundleForBrowser } from "@npskit/test-support/bundle";
import { watchPage, type Page } from "@npskit/test-support/chromium";
import { useBrowserAndServer } from "@npskit/test-support/journey";
import { makeResponse } from "@npskit/test-support/responses";
import type { StartOptions } from "./client-page.js";

/** A fresh context per test: each starts with an empty IndexedDB and outbox. */
const env = useBrowserAndServer({ freshContext: true });
/** Nothing listens here: connections are refused, like a backend that is down. */
const UNREACHABLE = "http://127.0.0.1:9/collect";

beforeAll(async () => {
  const script = await bundleForBrowser("packages/client/e2e/client-page.ts", "client-page");
  env.server.page(
    "/t/client.html",
    `<!doctype html><title>client</title><script type="module" src="${script}"></script>`,
  );
  env.server.page("/t/elsewhere.html", `<!doctype html><title>elsewhere</title><p>another page`);
});

/** A promoter's answer, given just now. */
function answer(patch: Partial<SurveyResponse> = {}): SurveyResponse {
  const at = new Date().toISOString();
  return makeResponse(9, { createdAt: at, updatedAt: at, ...patch });
}

async function openClient(options: StartOptions): Promise<Page> {
  const page = await env.context.newPage();
  await page.goto(env.server.url + "/t/client.html");
  await page.waitForFunction(() => "npsTest" in window);
  await page.evaluate((o) => window.npsTest.start(o), options);
  return page;
}

/** Submits one answer from a new page whose collector first answers `status` (200 after that). */
async function submitWhileCollectorAnswers(status: number, options: Omit<StartOptions, "endpoint"> = {}) {
  env.server.collectStatuses.push(status);
  const page = await openClient({ endpoint: env.server.url + "/collect", ...options });
  const r = answer();
  await page.evaluate((x) => window.npsTest.submit(x), r);
  return { page, r };
}

const posts = () => env.server.received.filter((r) => r.path === "/collect");
const bodies = () => posts().map((r) => r.body as SurveyResponse);
const eventsOf = (page: Page) => page.evaluate(() => window.npsTest.events);
const until = async (check: () => boolean | Promise<boolean>, timeout = 15_000) => {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeout) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
};

test("backend down while answering, tab closed: the next visit delivers the final state once", async () => {
  const first = await openClient({ endpoint: UNREACHABLE });
  const watch = watchPage(first);
  const partial = answer({ complete: false, score: 4, category: "detractor" });
  const complete = {
    ...partial,
    complete: true,
    comment: "Too slow",
    updatedAt: new Date(Date.now() + 5_000).toISOString(),
  };
  await first.evaluate((r) => window.npsTest.submit(r), partial);
  await first.evaluate((r) => window.npsTest.submit(r), complete);
  const queued = await first.evaluate(() => window.npsTest.queued());
  expect(queued.length).toBeGreaterThan(0); // both states, or just the newest: never nothing
  expect(queued.every((key) => key.startsWith(`npskit:q:${partial.id}:`))).toBe(true);
  expect(watch.pageErrors).toEqual([]);
  await first.close({ runBeforeUnload: true });

  const later = await openClient({ endpoint: env.server.url + "/collect" });
  await until(async () => (await eventsOf(later)).length > 0);
  expect(await eventsOf(later)).toEqual([{ name: "delivered", detail: { id: partial.id } }]);
  expect(bodies()).toEqual([complete]);
  expect(posts()[0]?.headers["idempotency-key"]).toBe(partial.id);
  expect(posts()[0]?.headers["content-type"]).toBe("application/json");
  expect(await later.evaluate(() => window.npsTest.queued())).toEqual([]);
});

test("503 then 200: retried within 5 s and delivered", async () => {
  const { page, r } = await submitWhileCollectorAnswers(503);
  await until(async () => (await eventsOf(page)).length > 0, 10_000);
  expect(await eventsOf(page)).toEqual([{ name: "delivered", detail: { id: r.id } }]);
  expect(bodies()).toEqual([r, r]);
  const [failed, retried] = posts();
  expect(retried!.at - failed!.at).toBeLessThan(5_500);
  expect(await page.evaluate(() => window.npsTest.queued())).toEqual([]);
});

test("400: the response is dropped and an error event carries status and body", async () => {
  const { page, r } = await submitWhileCollectorAnswers(400);
  await until(async () => (await eventsOf(page)).length > 0);
  expect(await eventsOf(page)).toEqual([
    { name: "error", detail: { id: r.id, reason: "rejected", status: 400, body: '{"ok":false}' } },
  ]);
  expect(await page.evaluate(() => window.npsTest.queued())).toEqual([]);
  await page.evaluate(() => window.npsTest.flush());
  expect(posts()).toHaveLength(1);
});

for (const noLocks of [false, true]) {
  test(`four open tabs deliver each pending response exactly once (${noLocks ? "storage lease" : "Web Locks"})`, async () => {
    const offline = await openClient({ endpoint: UNREACHABLE });
    const pending = Array.from({ length: 5 }, () => answer());
    for (const r of pending) await offline.evaluate((x) => window.npsTest.submit(x), r);
    await offline.close();

    const tabs = await Promise.all(
      Array.from({ length: 4 }, () => openClient({ endpoint: env.server.url + "/collect", noLocks })),
    );
    await until(async () => (await tabs[0]!.evaluate(() => window.npsTest.queued())).length === 0);
    await Promise.all(tabs.map((t) => t.evaluate(() => window.npsTest.flush())));
    await new Promise((r) => setTimeout(r, 1_000)); // any duplicate would have arrived by now
    expect(
      bodies()
        .map((b) => b.id)
        .sort(),
    ).toEqual(pending.map((r) => r.id).sort());
    const delivered = (await Promise.all(tabs.map(eventsOf))).flat().filter((e) => e.name === "delivered");
    expect(delivered).toHaveLength(5);
  });
}

test("leaving the page right after answering: the page-hide keepalive request still arrives", async () => {
  // The first attempt fails and retries are slow, so only the page-hide path can deliver it soon.
  const { page, r } = await submitWhileCollectorAnswers(503, { slowRetries: true });
  await until(() => posts().length === 1);
  const left = Date.now();
  await page.goto(env.server.url + "/t/elsewhere.html");
  await until(() => posts().length === 2, 3_000);
  expect(posts()[1]!.at - left).toBeLessThan(3_000); // long before the ~5 s retry would have fired
  expect(bodies()).toEqual([r, r]);
  expect(posts()[1]?.headers["idempotency-key"]).toBe(r.id);
});
