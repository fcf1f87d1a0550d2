// Benchmark (not a test): what npskit costs the host page's main thread, in real Chromium with the
// CPU as is and slowed 4× (a mid-range phone-class machine). For the script-tag example it reports
// the long tasks (≥ 50 ms) seen while the page loads and npskit becomes ready, and while a survey
// is shown, against the same page with npskit replaced by an empty stub.
// `node scripts/bench/main-thread.mjs [--runs 5]`
import { importSupport } from "./size-measure.mjs";

const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const RATES = [1, 4];

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
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__longTasks.push(e.duration))).observe({ type: "longtask", buffered: true });
  });
  if (!withNpskit) await page.route(/npskit\.js$/, (route) => route.fulfill({ contentType: "text/javascript", body: "window.npskit={on(){},init(){},identify(){},track(){},page(){},show(){}}" }));
  await page.goto(`${server.url}/examples/script-tag/index.html?user=bench-${Date.now()}-${Math.random()}`);
  if (withNpskit) await page.evaluate(() => new Promise((resolve) => window.npskit.on("ready", resolve)));
  await page.waitForTimeout(500);
  const atReady = await page.evaluate(() => window.__longTasks.slice());
  let atShown = [];
  if (withNpskit) {
    // Clicked and awaited from page scripts: Playwright's locators would inject its own large
    // script into the page, whose evaluation is itself a long task at ×4.
    await page.evaluate(() => document.getElementById("checkout").click());
    await page.evaluate(() => new Promise((shown) => window.npskit.on("shown", shown)));
    await page.waitForTimeout(500);
    atShown = (await page.evaluate(() => window.__longTasks.slice())).slice(atReady.length);
  }
  await context.close();
  return { atReady, atShown };
}

const summary = (tasks) => `${tasks.length} long task(s)${tasks.length ? `, longest ${Math.max(...tasks).toFixed(0)} ms` : ""}`;
try {
  for (const rate of RATES) {
    console.log(`\nMain thread, Chromium with CPU ×${rate} slower, script-tag example, ${RUNS} runs each`);
    for (const withNpskit of [false, true]) {
      for (let i = 0; i < RUNS; i++) {
        const r = await run(withNpskit, rate);
        const label = withNpskit ? "with npskit" : "without npskit";
        const shown = withNpskit ? ` | survey shown: ${summary(r.atShown)}` : "";
        console.log(`${label.padEnd(15)} run ${i + 1}: load → ready: ${summary(r.atReady)}${shown}`);
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
