// Benchmark (not a test): how long a visitor waits, in real Chromium on an emulated Slow 4G network
// (562.5 ms round trip, 1.47 Mbit/s down, 675 kbit/s up: the DevTools form of the mobile "Slow
// 4G" profile) with the CPU slowed ×4. A host page with one survey on the `checkout` event:
//   navigation → ready   from navigation start to npskit's `ready` event (state loaded)
//   trigger → visible    from track("checkout"), six seconds after ready, to the `shown` event
// Each run is a new visitor (fresh context, empty cache). Median (and range) of --runs (≥ 5).
// `--dist <dir>` serves another build of packages/browser/dist (e.g. an earlier commit's), so a
// change can be measured before and after: `node scripts/bench/latency.mjs --dist /tmp/old/dist`.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DIST, importSupport } from "./size-measure.mjs";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const RUNS = Math.max(5, Number(arg("--runs", 5)));
const dists = [arg("--dist", undefined), DIST].filter(Boolean);

const SLOW_4G = {
  offline: false,
  latency: 562.5,
  downloadThroughput: (1474.56 * 1024) / 8,
  uploadThroughput: (675 * 1024) / 8,
};
const CPU_RATE = 4;

const [{ startServer }, { launchChromium }, { hostPage, checkoutConfig }] = await Promise.all(
  ["server", "chromium", "host-page"].map((name) => importSupport(name)),
);
const [server, browser] = await Promise.all([startServer(), launchChromium()]);
const page = hostPage({
  config: checkoutConfig("/collect"),
  calls: `npskit.on("ready", () => (window.__readyAt = performance.now()));`,
});
/** Each build's files are served by the test server itself (under /build-N/), so the emulated network applies to them. */
const pages = dists.map((dist, i) => {
  if (dist === DIST) return "/bench/latency.html";
  for (const file of readdirSync(dist).filter((f) => f.endsWith(".js"))) {
    server.page(`/build-${i}/${file}`, { body: readFileSync(join(dist, file), "utf8"), type: "text/javascript" });
  }
  return `/bench/latency-${i}.html`;
});
server.page("/bench/latency.html", page);
dists.forEach((_, i) =>
  server.page(`/bench/latency-${i}.html`, page.replace("/packages/browser/dist/npskit.js", `/build-${i}/npskit.js`)),
);

async function run(path) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", SLOW_4G);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_RATE });
  await page.goto(`${server.url}${path}`);
  await page.waitForFunction(() => window.__readyAt !== undefined, undefined, { timeout: 60_000 });
  const ready = await page.evaluate(() => window.__readyAt);
  await page.waitForTimeout(6000); // a person reads the page before checking out
  const visible = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const start = performance.now();
        window.npskit.on("shown", () => resolve(performance.now() - start));
        window.npskit.track("checkout");
      }),
  );
  await context.close();
  return { ready, visible };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const show = (xs) => `${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;

try {
  const rows = [];
  for (const [index, dist] of dists.entries()) {
    const label = dist === DIST ? "this build" : dist;
    const results = [];
    for (let i = 0; i < RUNS; i++) {
      const r = await run(pages[index]);
      results.push(r);
      console.log(
        `${label} run ${i + 1}: navigation → ready ${r.ready.toFixed(0)} ms, trigger → visible ${r.visible.toFixed(0)} ms`,
      );
    }
    rows.push(`| ${label} | ${show(results.map((r) => r.ready))} | ${show(results.map((r) => r.visible))} |`);
  }
  console.log(`\nSlow 4G + CPU ×${CPU_RATE}, median (min–max) of ${RUNS} runs:\n`);
  console.log("| build | navigation → ready | trigger → visible |\n|---|---|---|\n" + rows.join("\n"));
} finally {
  await browser.close();
  await server.close();
}
