// The report as a team reads it on 1 December: six months of answers and displays, and this
// month's only answer. Checks what only a browser shows (readable chart text on a phone, tables
// that scroll instead of cutting columns, a full top row on a laptop) and regenerates the README
// screenshot:  UPDATE_SCREENSHOTS=1 npx vitest run --project e2e examples/collector/e2e/report-layout.e2e.ts
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, test } from "vitest";
import { sampleResponses } from "../src/sample.js";
import { saveResponse } from "../src/store.js";
import { launchChromium, watchPage, type Browser, type Page } from "@npskit/test-support/chromium";
import { makeResponse } from "@npskit/test-support/responses";
import { useCollector } from "./serve-collector.js";

const SCREENSHOT = fileURLToPath(new URL("../../../docs/screenshots/report.png", import.meta.url));
const REPORT = "/report?surveyId=nps-checkout&segment=plan&currency=EUR";

let browser: Browser;
const collector = useCollector({}, async (db) => {
  const lastNight = Date.parse("2026-11-30T23:00:00Z");
  for (const r of sampleResponses({ surveyId: "nps-checkout", count: 400, now: lastNight, unanswered: 1.6 }))
    await saveResponse(db, r);
  const december = "2026-12-01T09:12:00.000Z";
  await saveResponse(
    db,
    makeResponse(10, {
      surveyId: "nps-checkout",
      status: "completed",
      attributes: { plan: "pro", ltv: 900 },
      createdAt: december,
      updatedAt: december,
    }),
  );
});

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function open(width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const watch = watchPage(page);
  await page.goto(`${collector.url}${REPORT}`);
  expect(watch.consoleErrors).toEqual([]);
  return page;
}

/** Rendered size in CSS px of each visible chart label: its font size scaled like its SVG. */
const chartTextSizes = (page: Page) =>
  page.$$eval<number[], SVGSVGElement>("svg.trend", (svgs) =>
    svgs
      .filter((svg) => svg.getBoundingClientRect().width > 0)
      .flatMap((svg) => {
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return [...svg.querySelectorAll("text")].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
      }),
  );

test("one answer this month: an honest statement, not a verdict", async () => {
  const page = await open(1100);
  const score = page.getByRole("region", { name: "Net Promoter Score" });
  await expect.poll(() => score.textContent()).toContain("2026-12: +100.0 (1 answer)");
  expect(await score.textContent()).toContain("Not enough answers to call a change");
  expect(await score.textContent()).not.toMatch(/beyond|real change/);
  expect(await page.locator("svg.trend.wide circle.small").count()).toBe(1);
  expect(await page.getByText(/Hollow points, hatched bands: n < 30/).count()).toBe(1);
  const rate = await page.getByRole("region", { name: "Response rate" }).textContent();
  expect(rate).toMatch(/\d+\.\d% 95%: \d+\.\d–\d+\.\d%/);
  expect(rate).toContain("401 answered of 1041 displays");
  expect(await page.getByRole("region", { name: /Revenue at risk/ }).textContent()).toContain("€");
  if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: SCREENSHOT, fullPage: true });
  await page.close();
});

test("at 390 px: chart labels of 11 px or more, no page overflow, wide tables scroll inside their card", async () => {
  const page = await open(390);
  const sizes = await chartTextSizes(page);
  expect(sizes.length).toBeGreaterThan(5);
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const tables = await page.$$eval("table", (all) =>
    all.map((table) => {
      const box = table.parentElement as HTMLElement;
      return {
        overflows: box.scrollWidth > box.clientWidth,
        scrolls: getComputedStyle(box).overflowX === "auto",
        cue: getComputedStyle(box).backgroundImage.includes("gradient"),
      };
    }),
  );
  expect(tables.some((t) => t.overflows)).toBe(true);
  for (const t of tables.filter((t) => t.overflows)) expect(t).toEqual({ overflows: true, scrolls: true, cue: true });
  await page.close();
});

test("at 1280 px: chart labels of 11 px or more, and the top row is filled edge to edge", async () => {
  const page = await open(1280);
  expect(Math.min(...(await chartTextSizes(page)))).toBeGreaterThanOrEqual(11);
  const row = await page.$eval(".top", (top) => {
    const cards = [...top.children].map((c) => c.getBoundingClientRect());
    const first = cards.filter((c) => Math.abs(c.top - (cards[0] as DOMRect).top) < 1);
    return {
      right: top.getBoundingClientRect().right,
      lastRight: Math.max(...first.map((c) => c.right)),
      cards: first.length,
    };
  });
  expect(row.cards).toBeGreaterThanOrEqual(2);
  expect(row.right - row.lastRight).toBeLessThan(1);
  await page.close();
});
