// A single-page app (examples/spa): page views come from pushState/back/forward, URL targeting
// follows them, and a delayed survey never appears once the person has left its page.
import { expect, test } from "vitest";
import { watchPage, type Page } from "@npskit/test-support/chromium";
import { poll, useBrowserAndServer } from "@npskit/test-support/journey";

const env = useBrowserAndServer({ freshContext: true });

const open = async (delay: number, user: string) => {
  const page = await env.context.newPage();
  const watch = watchPage(page);
  await page.goto(`${env.server.url}/examples/spa/index.html?delay=${delay}&user=${user}`);
  await page.evaluate(() => new Promise((resolve) => (window as any).npskit.on("ready", resolve)));
  return { page, watch };
};
const nav = (page: Page, name: string) => page.getByRole("navigation").getByRole("link", { name }).click();
const surveys = (page: Page) => page.getByRole("dialog").count();

test("the survey targets one route: not on Home or Pricing, shown after pushState to Settings", async () => {
  const { page, watch } = await open(0, "spa-a");
  await nav(page, "Pricing");
  await page.waitForTimeout(700);
  expect(await surveys(page)).toBe(0);
  await nav(page, "Settings");
  await poll(() => surveys(page)).toBe(1);
  expect(new URL(page.url()).pathname).toBe("/examples/spa/settings");
  expect(watch.pageErrors).toEqual([]);
});

test("back/forward navigation counts as a page view too", async () => {
  const { page } = await open(1, "spa-b");
  await nav(page, "Settings");
  await nav(page, "Home"); // left before the 1 s delay: nothing shown
  await page.waitForTimeout(1500); // that delay is over: only a new page view can show it now
  expect(await surveys(page)).toBe(0);
  await page.evaluate(() => (window as any).npskit.on("shown", () => ((window as any).shownAt = location.pathname)));
  await page.goBack(); // back on Settings by history traversal (popstate / Navigation API)
  await poll(() => page.evaluate(() => (window as any).shownAt ?? null)).toBe("/examples/spa/settings");
});

test("a delayed survey never appears after the person left the targeted route", async () => {
  const { page } = await open(1, "spa-d");
  await nav(page, "Settings");
  await page.waitForTimeout(300);
  await nav(page, "Pricing"); // left before the 1 s delay ended
  await page.waitForTimeout(1800);
  expect(await surveys(page)).toBe(0);
  expect(await page.evaluate(() => (window as any).npskit.explain("nps-settings"))).toMatchObject({ eligible: false });
  await nav(page, "Settings"); // staying this time
  await poll(() => surveys(page), 5000).toBe(1);
});

test("destroy restores history.pushState and stops page-view tracking", async () => {
  const { page } = await open(0, "spa-e");
  const restored = await page.evaluate(() => {
    const before = history.pushState;
    (window as any).npskit.destroy();
    return before === history.pushState || String(history.pushState).includes("[native code]");
  });
  expect(restored).toBe(true);
  await nav(page, "Settings");
  await page.waitForTimeout(700);
  expect(await surveys(page)).toBe(0);
});
