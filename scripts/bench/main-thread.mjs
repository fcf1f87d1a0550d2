// Benchmark (not a test): what npskit costs the host page's main thread, in real Chromium, as the
// machine is and with the CPU slowed to calibrated phone classes (cpu-calibration.mjs). For the
// script-tag example it reports the long tasks (≥ 50 ms) seen while the page loads and npskit
// becomes ready, and while a survey is shown, against the same page with npskit replaced by an
// empty stub (the page's own long tasks).
// `node scripts/bench/main-thread.mjs [--runs 5]`
import { importSupport } from "./size-measure.mjs";
import { calibrate, DEVICE_CLASSES } from "./cpu-calibration.mjs";

const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;

const [{ startServer }, { launchChromium }] = await Promise.all([importSupport("server"), importSupport("chromium")]);
const [server, browser] = await Promise.all([startServer(), launchChromium()]);

/** Long tasks observed from navigation start to ready, then while a survey is shown. */
async function run(withNpskit, rate) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__longTasks.push(e.duration))).observe({
      type: "longtask",
      buffered: true,
    });
  });
  if (!withNpskit)
    await page.route(/npskit\.js$/, (route) =>
      route.fulfill({
        contentType: "text/javascript",
        body: "window.npskit={on(){},init(){},identify(){},track(){},page(){},show(){}}",
      }),
    );
  await page.goto(`${server.url}/examples/script-tag/index.html?user=bench-${Date.now()}-${Math.random()}`);
  if (withNpskit) await page.evaluate(() => new Promise((resolve) => window.npskit.on("ready", resolve)));
  await page.waitForTimeout(500);
  const atReady = await page.evaluate(() => window.__longTasks.slice());
  let atShown = [];
  if (withNpskit) {
    // Clicked and awaited from page scripts: Playwright's locators would inject its own large
    // script into the page, whose evaluation is itself a long task on a slow CPU.
    await page.evaluate(
      () =>
        new Promise((shown) => {
          window.npskit.on("shown", shown); // before the click: the survey may show at once
          document.getElementById("checkout").click();
        }),
    );
    await page.waitForTimeout(500);
    atShown = (await page.evaluate(() => window.__longTasks.slice())).slice(atReady.length);
  }
  await context.close();
  return { atReady, atShown };
}

const summary = (tasks) =>
  `${tasks.length} long task(s)${tasks.length ? `, longest ${Math.max(...tasks).toFixed(0)} ms` : ""}`;
const total = (results, key) => results.reduce((n, r) => n + r[key].length, 0);

async function calibratedRates() {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  const tiers = [];
  for (const tier of DEVICE_CLASSES) {
    const { rate, unthrottled } = await calibrate(page, cdp, tier.index);
    tiers.push({
      label: `${tier.name}, BenchmarkIndex ≈ ${tier.index}: CPU ×${rate} (this machine scores ${unthrottled})`,
      rate,
    });
  }
  await page.close();
  // Fixed ×4 too: the usual "mid-tier mobile" preset, whatever machine it runs on.
  return [{ label: "this machine, unthrottled", rate: 1 }, { label: "this machine, CPU ×4", rate: 4 }, ...tiers];
}

try {
  const rows = [];
  for (const { label, rate } of await calibratedRates()) {
    console.log(`\nMain thread, ${label}; script-tag example, ${RUNS} runs each`);
    const results = { without: [], with: [] };
    for (const withNpskit of [false, true]) {
      for (let i = 0; i < RUNS; i++) {
        const r = await run(withNpskit, rate);
        results[withNpskit ? "with" : "without"].push(r);
        const shown = withNpskit ? ` | survey shown: ${summary(r.atShown)}` : "";
        console.log(
          `${(withNpskit ? "with npskit" : "without npskit").padEnd(15)} run ${i + 1}: load → ready: ${summary(r.atReady)}${shown}`,
        );
      }
    }
    rows.push(
      `| ${label} | ${total(results.without, "atReady")} | ${total(results.with, "atReady")} | ${total(results.with, "atShown")} |`,
    );
  }
  console.log(`\nLong tasks (≥ 50 ms) over ${RUNS} runs:\n`);
  console.log("| CPU | load → ready, page alone | load → ready, with npskit | survey shown |\n|---|---:|---:|---:|");
  for (const row of rows) console.log(row);
} finally {
  await browser.close();
  await server.close();
}
