// Journeys of a site that drops npskit in with a script tag: the async snippet, a survey answered
// and delivered in the wire format, offline answers, throttling over months, sampling, bad config.
import { expect, test } from "vitest";
import { readFile } from "node:fs/promises";
import { responseSchema } from "@npskit/core";
import { watchPage, type Page } from "@npskit/test-support/chromium";
import { poll, useBrowserAndServer } from "@npskit/test-support/journey";
import { startServer } from "@npskit/test-support/server";
import { checkoutConfig, hostPage, LOADER } from "@npskit/test-support/host-page";

const DAY = 86_400_000;
const env = useBrowserAndServer({ freshContext: true });

const collected = () =>
  env.server.received.filter((r) => r.path === "/collect").map((r) => r.body as Record<string, unknown>);
/** Score buttons are named by their number (the end ones add the scale label: "10, Extremely likely"). */
const score = (page: Page, n: number) =>
  page.getByRole("dialog").getByRole("button", { name: new RegExp(`^${n}(,|$)`) });

async function answer(page: Page, n: number, comment: string) {
  await score(page, n).click();
  await page.getByRole("textbox").fill(comment);
  await page.getByRole("button", { name: "Send" }).click();
}

test("calls made before npskit.js arrives are replayed in order, and explain's promise settles", async () => {
  // Hold npskit.js back so every call below lands in the snippet's buffer first.
  await env.context.route(`**${LOADER}`, async (route) => {
    await new Promise((r) => setTimeout(r, 400));
    await route.fulfill({ contentType: "text/javascript", body: await readFile(`.${LOADER}`, "utf8") });
  });
  env.server.page(
    "/t/async.html",
    hostPage({
      config: checkoutConfig("/collect"),
      calls: `npskit.identify("u-async", { plan: "pro" }); npskit.track("checkout");
      window.buffered = npskit.q.length; window.explained = npskit.explain("nps-q4");`,
    }),
  );
  const page = await env.context.newPage();
  const watch = watchPage(page);
  await page.goto(`${env.server.url}/t/async.html`);
  expect(await page.evaluate(() => (window as any).buffered)).toBe(3);
  await poll(() => page.getByRole("dialog").count()).toBe(1);
  const explained = await page.evaluate(() => (window as any).explained);
  expect(explained).toMatchObject({ eligible: expect.any(Boolean), reasons: expect.any(Array) });
  expect(await page.evaluate(() => "q" in (window as any).npskit)).toBe(false);
  expect(watch.pageErrors).toEqual([]);
});

test("a plain synchronous script tag works without the snippet", async () => {
  env.server.page(
    "/t/sync.html",
    hostPage({ loader: "sync", config: checkoutConfig("/collect"), calls: `npskit.show("nps-q4", { force: true });` }),
  );
  const page = await env.context.newPage();
  await page.goto(`${env.server.url}/t/sync.html`);
  await poll(() => page.getByRole("dialog").count()).toBe(1);
});

test("identify + track → survey → answer: the backend receives the display, the partial then the complete record", async () => {
  env.server.page(
    "/t/answer.html",
    hostPage({
      config: { ...checkoutConfig("/collect"), locale: "en" },
      calls: `npskit.identify("user-42", { plan: "pro", signupDate: "2025-03-01" }); npskit.track("checkout");
      window.delivered = []; npskit.on("delivered", (e) => window.delivered.push(e.id));`,
    }),
  );
  const page = await env.context.newPage();
  const watch = watchPage(page);
  await page.goto(`${env.server.url}/t/answer.html`);
  // The display is recorded as soon as the survey is on screen, without a score.
  await poll(() => collected().length).toBe(1);
  expect(collected()[0]).toMatchObject({ status: "shown", score: null, category: null, complete: false });
  await score(page, 9).click();
  await poll(() => collected().length).toBe(2);
  await page.getByRole("textbox").fill("Fast and simple");
  await page.getByRole("button", { name: "Send" }).click();
  await poll(() => collected().length).toBe(3);

  const [shown, partial, complete] = collected();
  expect(partial).toMatchObject({ status: "answered", complete: false, score: 9, category: "promoter" });
  expect(partial).not.toHaveProperty("comment");
  expect([partial!.id, complete!.id]).toEqual([shown!.id, shown!.id]);
  expect(complete).toEqual({
    id: expect.stringMatching(/^[0-9a-f-]{36}$/),
    surveyId: "nps-q4",
    kind: "nps",
    score: 9,
    category: "promoter",
    status: "completed",
    comment: "Fast and simple",
    complete: true,
    userId: "user-42",
    anonymousId: expect.any(String),
    attributes: { plan: "pro", signupDate: "2025-03-01" },
    url: `${env.server.url}/t/answer.html`,
    locale: "en",
    createdAt: shown!.createdAt,
    updatedAt: expect.any(String),
    sdk: { name: "npskit", version: "0.1.0" },
  });
  expect(Date.parse(complete!.updatedAt as string)).toBeGreaterThanOrEqual(Date.parse(partial!.createdAt as string));
  expect(responseSchema.safeParse(complete).success).toBe(true);
  const request = env.server.received.find((r) => r.path === "/collect")!;
  expect(request.headers["idempotency-key"]).toBe(partial!.id);
  expect(request.headers["content-type"]).toContain("application/json");
  await poll(() => page.evaluate(() => (window as any).delivered[0] ?? null)).toBe(partial!.id); // the `delivered` event
  expect(watch.pageErrors).toEqual([]);
});

test("an answer given offline survives the closed tab and is delivered once on a later visit", async () => {
  env.server.page(
    "/t/offline.html",
    hostPage({
      config: checkoutConfig("/collect"),
      calls: `npskit.track(location.hash === "#ask" ? "checkout" : "visit");`,
    }),
  );
  const page = await env.context.newPage();
  await page.goto(`${env.server.url}/t/offline.html#ask`);
  await poll(() => page.getByRole("dialog").count()).toBe(1);
  await env.context.setOffline(true); // no fetch, no beacon on close
  await answer(page, 3, "Too slow");
  // The completed answer is in the outbox (IndexedDB "npskit"/"kv") before the tab goes away.
  const queued = () =>
    page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const open = indexedDB.open("npskit");
          open.onsuccess = () => {
            const all = open.result.transaction("kv").objectStore("kv").getAll();
            all.onsuccess = () => resolve(all.result.some((v: any) => v?.response?.complete === true));
          };
          open.onerror = () => resolve(false);
        }),
    );
  await poll(queued).toBe(true);
  await page.close();
  // The display's own record (status "shown") may have left before the network went away.
  const answers = () => collected().filter((r) => r.score !== null);
  expect(answers()).toEqual([]);

  await env.context.setOffline(false);
  const later = await env.context.newPage();
  await later.goto(`${env.server.url}/t/offline.html`);
  await poll(() => answers().length, 15_000).toBe(1);
  await later.waitForTimeout(1500);
  expect(answers()).toHaveLength(1);
  expect(answers()[0]).toMatchObject({ score: 3, category: "detractor", comment: "Too slow", complete: true });
});

test("throttling over months: answered today, not asked at +30 days, asked again at +91 days", async () => {
  const start = Date.parse("2026-11-01T10:00:00Z");
  env.server.page(
    "/t/throttle.html",
    hostPage({ config: checkoutConfig("/collect"), calls: `npskit.identify("u-throttle");` }),
  );
  const visit = async (at: number) => {
    const page = await env.context.newPage();
    await page.clock.setFixedTime(at);
    await page.goto(`${env.server.url}/t/throttle.html`);
    await page.evaluate(() => (window as any).npskit.track("checkout"));
    return page;
  };
  const first = await visit(start);
  await answer(first, 10, "Great");
  await poll(() => collected().filter((r) => r.complete).length).toBe(1);
  await first.close();

  const month = await visit(start + 30 * DAY);
  await month.waitForTimeout(1000);
  expect(await month.getByRole("dialog").count()).toBe(0);
  const why = await month.evaluate(() => (window as any).npskit.explain("nps-q4"));
  expect(why.eligible).toBe(false);
  expect(Date.parse(why.nextEligibleAt)).toBeGreaterThan(start + 30 * DAY);
  await month.close();

  const quarter = await visit(start + 91 * DAY);
  await poll(() => quarter.getByRole("dialog").count()).toBe(1);
});

test("sampling is deterministic per person across reloads", async () => {
  env.server.page(
    "/t/sample.html",
    hostPage({
      config: checkoutConfig("/collect", { audience: { sample: 0.5 } }),
      calls: `window.sampled = async () => { const out = [];
      for (let i = 0; i < 24; i++) { npskit.identify("person-" + i); out.push((await npskit.explain("nps-q4")).eligible); }
      return out; };`,
    }),
  );
  const page = await env.context.newPage();
  await page.goto(`${env.server.url}/t/sample.html`);
  const first: boolean[] = await page.evaluate(() => (window as any).sampled());
  await page.reload();
  const again: boolean[] = await page.evaluate(() => (window as any).sampled());
  expect(again).toEqual(first);
  expect(first.filter(Boolean).length).toBeGreaterThan(3); // a real split, not everyone or no one
  expect(first.filter((x) => !x).length).toBeGreaterThan(3);
});

test("an invalid config logs one error per problem by path, throws nothing and shows nothing", async () => {
  env.server.page(
    "/t/invalid.html",
    hostPage({
      build: "development",
      config: { endpoint: 5, surveys: [{ id: "nps-q4", kind: "nps", audience: { sample: 2 } }] },
      calls: `npskit.identify("u"); npskit.track("checkout"); npskit.show("nps-q4", { force: true });
      window.why = npskit.explain("nps-q4"); npskit.flush(); npskit.reset(); npskit.page();`,
    }),
  );
  const page = await env.context.newPage();
  const watch = watchPage(page);
  await page.goto(`${env.server.url}/t/invalid.html`);
  await poll(() => watch.consoleErrors.length).toBeGreaterThanOrEqual(2);
  await page.waitForTimeout(500);
  expect(watch.consoleErrors.some((e) => e.includes("surveys[0].audience.sample"))).toBe(true);
  expect(watch.consoleErrors.some((e) => /\bendpoint\b/.test(e))).toBe(true);
  expect(watch.consoleErrors).toHaveLength(2);
  expect(watch.pageErrors).toEqual([]);
  expect(await page.getByRole("dialog").count()).toBe(0);
  expect((await page.evaluate(() => (window as any).why)).eligible).toBe(false);
  expect(env.server.jsBytes.has("/packages/browser/dist/npskit-ui.js")).toBe(false);
});

test("production build: a config it cannot use is one console error pointing to every problem; nothing shows, no validator downloads", async () => {
  env.server.page(
    "/t/invalid-prod.html",
    hostPage({
      config: { endpoint: 5, surveys: [{ id: "nps-q4", kind: "nps", audience: { sample: 2 } }] },
      calls: `npskit.track("checkout"); npskit.show("nps-q4", { force: true }); window.why = npskit.explain("nps-q4");`,
    }),
  );
  const page = await env.context.newPage();
  const watch = watchPage(page);
  const scripts: string[] = [];
  page.on("request", (r) => void (r.resourceType() === "script" && scripts.push(new URL(r.url()).pathname)));
  await page.goto(`${env.server.url}/t/invalid-prod.html`);
  await poll(() => watch.consoleErrors.length).toBe(1);
  await page.waitForTimeout(500);
  expect(watch.consoleErrors).toHaveLength(1);
  expect(watch.consoleErrors[0]).toMatch(/\bendpoint\b/);
  expect(watch.consoleErrors[0]).toContain("npskit validate");
  expect(watch.consoleErrors[0]).toContain("npskit.dev.js");
  expect(watch.pageErrors).toEqual([]);
  expect(await page.getByRole("dialog").count()).toBe(0);
  expect((await page.evaluate(() => (window as any).why)).eligible).toBe(false);
  expect(scripts).toEqual([LOADER]);
});

test("calls before init and after destroy are harmless; destroy removes the survey", async () => {
  env.server.page(
    "/t/destroy.html",
    hostPage({
      calls: `npskit.track("checkout"); npskit.show("nps-q4"); npskit.flush();
      npskit.init(${JSON.stringify(checkoutConfig("/collect"))}); npskit.show("nps-q4", { force: true });`,
    }),
  );
  const page = await env.context.newPage();
  const watch = watchPage(page);
  await page.goto(`${env.server.url}/t/destroy.html`);
  await poll(() => page.getByRole("dialog").count()).toBe(1);
  await page.evaluate(() => {
    const n = (window as any).npskit;
    n.destroy();
    n.track("checkout");
    n.show("nps-q4", { force: true });
    n.init({});
  });
  await page.waitForTimeout(300);
  expect(await page.locator("npskit-survey").count()).toBe(0);
  expect(watch.pageErrors).toEqual([]);
});

test("configUrl: the remote config is used, and its cached copy carries a later page through an outage", async () => {
  const remote = {
    surveys: [{ id: "nps-remote", kind: "nps", trigger: { event: "checkout" }, question: "Remote question?" }],
  };
  env.server.page("/t/remote.json", { type: "application/json", body: JSON.stringify(remote) });
  env.server.page(
    "/t/remote.html",
    hostPage({ config: { endpoint: "/collect", configUrl: "/t/remote.json" }, calls: `npskit.track("checkout");` }),
  );
  const page = await env.context.newPage();
  await page.goto(`${env.server.url}/t/remote.html`);
  await poll(() => page.getByRole("dialog", { name: "Remote question?" }).count()).toBe(1);
  expect(env.server.jsBytes.has("/packages/browser/dist/npskit-config.js")).toBe(true);

  await env.context.route("**/t/remote.json", (route) => route.fulfill({ status: 503, body: "down" }));
  const later = await env.context.newPage();
  const watch = watchPage(later);
  await later.goto(`${env.server.url}/t/remote.html`);
  // Running on the cached remote config: it knows "nps-remote" (shown on the first page, so now throttled).
  const why = await later.evaluate(() => (window as any).npskit.explain("nps-remote"));
  expect(why.reasons.join(" ")).not.toMatch(/not running|no survey/);
  expect(why.reasons.join(" ")).toMatch(/shown/);
  expect(watch.consoleErrors.filter((e) => e.includes("[npskit]"))).toEqual([]);
});

test("requireConsent: nothing is stored or shown before consent(true); then the survey shows", async () => {
  env.server.page(
    "/t/consent.html",
    hostPage({
      config: { ...checkoutConfig("/collect"), requireConsent: true },
      calls: `npskit.identify("u-consent", { plan: "pro" }); npskit.track("checkout");`,
    }),
  );
  const page = await env.context.newPage();
  await page.goto(`${env.server.url}/t/consent.html`);
  await page.evaluate(() => new Promise((resolve) => (window as any).npskit.on("ready", resolve)));
  await page.waitForTimeout(500);
  expect(await page.getByRole("dialog").count()).toBe(0);
  const stored = () =>
    page.evaluate(async () => ({ local: localStorage.length, databases: (await indexedDB.databases()).length }));
  expect(await stored()).toEqual({ local: 0, databases: 0 });
  expect((await page.evaluate(() => (window as any).npskit.explain("nps-q4"))).reasons[0]).toContain("consent");

  await page.evaluate(() => (window as any).npskit.consent(true));
  await page.evaluate(() => (window as any).npskit.track("checkout"));
  await poll(() => page.getByRole("dialog").count()).toBe(1);
  await score(page, 8).click();
  await poll(() => collected().filter((r) => r.status === "answered").length).toBe(1);
  expect((await stored()).databases + (await stored()).local).toBeGreaterThan(0);
});

test("examples/script-tag: the demo page asks on checkout and delivers to ?endpoint", async () => {
  const html = await readFile("examples/script-tag/index.html", "utf8");
  expect(html).toContain(`<script>${(await readFile("packages/browser/dist/snippet.min.js", "utf8")).trim()}</script>`);
  const page = await env.context.newPage();
  const watch = watchPage(page);
  await page.goto(`${env.server.url}/examples/script-tag/index.html?endpoint=/collect-demo&user=demo-1`);
  await page.getByRole("button", { name: "Complete checkout" }).click();
  await answer(page, 10, "Lovely");
  await poll(() => page.getByRole("status").filter({ hasText: "Thanks!" }).count()).toBe(1);
  await poll(
    () => env.server.received.filter((r) => r.path === "/collect-demo" && (r.body as any).complete).length,
  ).toBe(1);
  expect(watch.pageErrors).toEqual([]);
});

test.each([
  ["with CORS headers, the survey loads and is answered", true],
  ["without CORS headers, the UI chunk is refused: one error, nothing thrown, nothing shown", false],
])("npskit served from another origin (a CDN): %s", async (_, cors) => {
  const cdn = await startServer({ corsFiles: cors });
  try {
    const calls = `npskit.on("error", (e) => (window.errors = [...(window.errors || []), e.where + ": " + e.reason])); npskit.on("shown", () => (window.shown = true));`;
    const page = hostPage({ config: checkoutConfig(`${env.server.url}/collect`), calls }).replace(
      `src="${LOADER}"`,
      `src="${cdn.url}${LOADER}"`,
    );
    env.server.page("/t/cdn.html", page);
    const tab = await env.context.newPage();
    const watch = watchPage(tab);
    await tab.goto(`${env.server.url}/t/cdn.html`);
    await tab.evaluate(() => new Promise((ready) => (window as any).npskit.on("ready", ready)));
    await tab.evaluate(() => (window as any).npskit.track("checkout"));
    if (cors) {
      await answer(tab, 10, "fast");
      await poll(() => collected().filter((r) => r.complete).length).toBe(1);
      expect([...cdn.jsBytes.keys()]).toContain("/packages/browser/dist/npskit-ui.js");
    } else {
      await poll(() => tab.evaluate(() => ((window as any).errors ?? []).length)).toBe(1);
      expect(await tab.evaluate(() => Boolean((window as any).shown))).toBe(false);
      expect(await tab.locator("npskit-survey").count()).toBe(0);
      expect(await tab.evaluate(() => (window as any).errors[0])).toMatch(/^show: .*(import|module|fetch)/i);
    }
    expect(watch.pageErrors).toEqual([]);
  } finally {
    await cdn.close();
  }
});
