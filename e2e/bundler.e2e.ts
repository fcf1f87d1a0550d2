// A bundler user (examples/bundler): `import { createNpsKit } from "npskit"` through rollup. The
// survey UI is a separate chunk the app downloads only when a survey is about to show.
import { beforeAll, expect, test } from "vitest";
import { watchPage } from "@npskit/test-support/chromium";
import { poll, useBrowserAndServer } from "@npskit/test-support/journey";
// @ts-expect-error plain .mjs build script of the example
import { buildExample } from "../examples/bundler/build.mjs";

const env = useBrowserAndServer();
let files: string[];
beforeAll(async () => {
  files = await buildExample();
});

test("the app bundle splits the survey UI into a chunk loaded on first show", async () => {
  expect(files.length).toBeGreaterThan(1);
  const page = await env.browser.newPage();
  const watch = watchPage(page);
  await page.goto(`${env.server.url}/examples/bundler/index.html`);
  await poll(() => page.locator("body[data-npskit=ready]").count()).toBe(1);
  const onLoad = [...env.server.jsBytes.keys()];
  expect(onLoad).toEqual(["/examples/bundler/dist/main.js"]);
  await page.getByRole("button", { name: "Place order" }).click();
  await poll(() => page.getByRole("dialog").count()).toBe(1);
  expect(env.server.jsBytes.size).toBeGreaterThan(1);
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /^6(,|$)/ })
    .click();
  // The answer (after the display's own record, when that was delivered before the score).
  await poll(() =>
    env.server.received.filter((r) => (r.body as any).score !== null).map((r) => (r.body as any).surveyId),
  ).toEqual(["nps-bundled"]);
  expect(watch.pageErrors).toEqual([]);
  await page.close();
});
