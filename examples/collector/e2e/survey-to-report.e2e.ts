// The journey `npm run demo` shows: a person answers the survey on the script-tag host page, the
// SDK delivers it cross-origin to the reference collector, and the team sees it in the report.
import { expect, test } from "vitest";
import { fileURLToPath } from "node:url";
import { sampleResponses } from "../src/sample.js";
import { listResponses, saveResponse } from "../src/store.js";
import { responseRate } from "@npskit/insights";
import { watchPage } from "@npskit/test-support/chromium";
import { useCollector } from "./serve-collector.js";
import { useBrowserAndServer } from "@npskit/test-support/journey";

const AXE = fileURLToPath(new URL("../../../node_modules/axe-core/axe.min.js", import.meta.url));

/** The browser, and the test server standing in for the host site. */
const env = useBrowserAndServer();
const collector = useCollector({ origins: "*" });

test("an answer given on the host page shows up in the report, with its segment and comment", async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const watch = watchPage(page);
  const endpoint = encodeURIComponent(`${collector.url}/collect`);
  await page.goto(`${env.server.url}/examples/script-tag/index.html?endpoint=${endpoint}&user=e2e-reader`);
  await page.getByRole("button", { name: "Preview the survey" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: /^3(,|$)/ }).click();
  await dialog.getByRole("textbox").fill("The <b>export</b> keeps failing");
  await dialog.getByRole("button", { name: "Send" }).click();

  await expect
    .poll(async () => (await (await fetch(`${collector.url}/api/summary?surveyId=nps-checkout`)).json()).nps, {
      timeout: 15_000,
    })
    .toMatchObject({
      total: 1,
      detractors: 1,
      nps: -100,
    });
  const stored = await (await fetch(`${collector.url}/api/export.csv`)).text();
  expect(stored).toContain("e2e-reader");
  expect(stored).toContain("The <b>export</b> keeps failing");
  expect(watch.pageErrors).toEqual([]);

  const report = await context.newPage();
  const reportWatch = watchPage(report);
  await report.goto(`${collector.url}/report?surveyId=nps-checkout&segment=plan`);
  const latest = report.getByRole("region", { name: "Latest comments" });
  await expect.poll(() => latest.getByText("The <b>export</b> keeps failing").count()).toBe(1);
  const toContact = report.getByRole("region", { name: "Detractors to contact" });
  expect(
    await toContact.getByRole("row", { name: /e2e-reader.*pro.*3.*The <b>export<\/b> keeps failing/ }).count(),
  ).toBe(1);
  const segments = report.getByRole("region", { name: "NPS by plan" });
  expect(await segments.getByRole("row", { name: /^pro n < 30 1 -100\.0/ }).count()).toBe(1);
  // The stylesheet is allowed by its hash: no CSP violation and the styles apply.
  expect(reportWatch.consoleErrors).toEqual([]);
  expect(await report.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain("system-ui");
  await context.close();
});

test("each display reaches the collector with its status: shown → dismissed, shown → answered → completed; the report shows the rate", async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const watch = watchPage(page);
  const endpoint = encodeURIComponent(`${collector.url}/collect`);
  await page.goto(`${env.server.url}/examples/script-tag/index.html?endpoint=${endpoint}&user=e2e-rate`);
  const states = async () =>
    (await listResponses(collector.db, { surveyId: "nps-checkout" }))
      .filter((r) => r.userId === "e2e-rate")
      .map((r) => [r.status, r.score]);
  const preview = page.getByRole("button", { name: "Preview the survey" });
  const dialog = page.getByRole("dialog");

  await preview.click();
  await dialog.waitFor();
  await expect.poll(states, { timeout: 15_000 }).toEqual([["shown", null]]);
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect.poll(states, { timeout: 15_000 }).toEqual([["dismissed", null]]);

  await preview.click();
  await dialog.getByRole("button", { name: /^9(,|$)/ }).click();
  await expect
    .poll(async () => (await states()).sort(), { timeout: 15_000 })
    .toEqual([
      ["answered", 9],
      ["dismissed", null],
    ]);
  await dialog.getByRole("textbox").fill("Quick and clear");
  await dialog.getByRole("button", { name: "Send" }).click();
  await expect
    .poll(async () => (await states()).sort(), { timeout: 15_000 })
    .toEqual([
      ["completed", 9],
      ["dismissed", null],
    ]);
  expect(watch.pageErrors).toEqual([]);

  const report = await context.newPage();
  await report.goto(`${collector.url}/report?surveyId=nps-checkout`);
  // Every display of this survey so far (other tests' too) counts: the report shows what insights computes.
  const expected = responseRate(await listResponses(collector.db, { surveyId: "nps-checkout" }));
  expect(expected.dismissed).toBeGreaterThanOrEqual(1);
  expect(expected.completed).toBeGreaterThanOrEqual(1);
  const rate = report.getByRole("region", { name: "Response rate" });
  expect(await rate.textContent()).toContain(`${expected.rate?.toFixed(1)}%`);
  expect(await rate.textContent()).toContain(`${expected.answered} answered of ${expected.shown} displays`);
  await context.close();
});

test("the report has no axe-core violations, in light and dark mode", async () => {
  for (const r of sampleResponses({ surveyId: "nps-sample", count: 120, now: Date.now() }))
    await saveResponse(collector.db, r);
  for (const colorScheme of ["light", "dark"] as const) {
    // axe is injected as a script, which the report's CSP rightly forbids: bypass it for the audit.
    const context = await env.browser.newContext({
      bypassCSP: true,
      colorScheme,
      viewport: { width: 390, height: 844 },
    });
    const page = await context.newPage();
    await page.goto(`${collector.url}/report?surveyId=nps-sample&segment=plan`);
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () =>
      (await (window as any).axe.run(document)).violations.map(
        (v: any) => `${v.id}: ${v.help} (${v.nodes.map((n: any) => n.target).join(" ")})`,
      ),
    );
    expect(violations, colorScheme).toEqual([]);
    await context.close();
  }
});
