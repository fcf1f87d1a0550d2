// A bundler user (examples/bundler): `import { createNpsKit } from "npskit"` through rollup. The
// survey UI is a separate chunk the app downloads only when a survey is about to show.
import { afterAll, beforeAll, expect, test } from "vitest";
import { launchChromium, watchPage, type Browser } from "./support/chromium.js";
import { startServer, type TestServer } from "./support/server.js";
// @ts-expect-error plain .mjs build script of the example
import { buildExample } from "../examples/bundler/build.mjs";

/** Waits for a condition (chunks load, IndexedDB opens, requests land: seconds, not a tick). */
const poll = <T>(fn: () => T | Promise<T>, timeout = 10_000) => expect.poll(fn, { timeout, interval: 100 });
let browser: Browser;
let server: TestServer;
let files: string[];
beforeAll(async () => {
  [browser, server, files] = await Promise.all([launchChromium(), startServer(), buildExample()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test("the app bundle splits the survey UI into a chunk loaded on first show", async () => {
  expect(files.length).toBeGreaterThan(1);
  const page = await browser.newPage();
  const watch = watchPage(page);
  await page.goto(`${server.url}/examples/bundler/index.html`);
  await poll(() => page.locator("body[data-npskit=ready]").count()).toBe(1);
  const onLoad = [...server.jsBytes.keys()];
  expect(onLoad).toEqual(["/examples/bundler/dist/main.js"]);
  await page.getByRole("button", { name: "Place order" }).click();
  await poll(() => page.getByRole("dialog").count()).toBe(1);
  expect(server.jsBytes.size).toBeGreaterThan(1);
  await page.getByRole("dialog").getByRole("button", { name: /^6(,|$)/ }).click();
  await poll(() => server.received.map((r) => (r.body as any).surveyId)).toEqual(["nps-bundled"]);
  expect(watch.pageErrors).toEqual([]);
  await page.close();
});
