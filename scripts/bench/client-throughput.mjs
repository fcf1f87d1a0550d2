// Client benchmark (not a test): in real Chromium against the local test server, the time to
// persist 1,000 responses in IndexedDB and deliver them, and gzip -9 bytes of the client's
// minified browser build. Run: node scripts/bench/client-throughput.mjs
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { rollup } from "rollup";
import terser from "@rollup/plugin-terser";
import { gzip9, importSupport } from "./size-measure.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const COUNT = 1000;
const UNREACHABLE = "http://127.0.0.1:9/collect";

const [{ startServer }, { launchChromium }, { bundleForBrowser }] = await Promise.all(
  ["server", "chromium", "bundle"].map(importSupport),
);

/** Minified (terser, ES2020 module) gzip -9 bytes of a bundle of `exports` from @npskit/client. */
async function clientSize(name, exports) {
  mkdirSync(`${ROOT}.bench`, { recursive: true });
  writeFileSync(`${ROOT}.bench/${name}.ts`, `export { ${exports} } from "@npskit/client";\n`);
  const bundled = ROOT + (await bundleForBrowser(`.bench/${name}.ts`, name, { pureSources: true })).slice(1);
  const build = await rollup({
    input: bundled,
    plugins: [
      terser({ ecma: 2020, module: true, compress: { passes: 3, pure_getters: true }, format: { comments: false } }),
    ],
  });
  const { output } = await build.generate({ format: "es" });
  await build.close();
  return { minified: output[0].code.length, gzip9: gzip9(output[0].code) };
}

const responses = (tag) =>
  Array.from({ length: COUNT }, (_, i) => {
    const at = new Date().toISOString();
    return {
      id: `bench-${tag}-${Date.now()}-${i}`,
      surveyId: "nps-q4",
      kind: "nps",
      score: i % 11,
      category: i % 11 >= 9 ? "promoter" : i % 11 >= 7 ? "passive" : "detractor",
      comment: "A comment of ordinary length, about the checkout being quick and pleasant.",
      complete: true,
      anonymousId: "anon-bench",
      createdAt: at,
      updatedAt: at,
      sdk: { name: "npskit", version: "0.1.0" },
    };
  });

async function throughput(browser, server) {
  const script = await bundleForBrowser("packages/client/e2e/client-page.ts", "client-bench-page");
  server.page(
    "/bench/client.html",
    `<!doctype html><title>bench</title><script type="module" src="${script}"></script>`,
  );
  const context = await browser.newContext();
  const open = async (options) => {
    const page = await context.newPage();
    await page.goto(server.url + "/bench/client.html");
    await page.waitForFunction(() => "npsTest" in window);
    await page.evaluate((o) => window.npsTest.start(o), { maxQueued: COUNT, ...options });
    return page;
  };
  const waitDelivered = async (page, count) => {
    while (new Set(server.received.map((r) => r.body.id)).size < count) await new Promise((r) => setTimeout(r, 10));
    await page.waitForFunction(async () => (await window.npsTest.queued()).length === 0, null, {
      polling: 20,
      timeout: 120_000,
    });
  };

  // 1. Backend up: submit 1,000 answers one after another; each resolves once persisted.
  const live = await open({ endpoint: server.url + "/collect" });
  const started = Date.now();
  const persistMs = await live.evaluate(async (list) => {
    const t0 = performance.now();
    for (const r of list) await window.npsTest.submit(r);
    return performance.now() - t0;
  }, responses("live"));
  await waitDelivered(live, COUNT);
  const liveTotalMs = Date.now() - started;
  await live.close();

  // 2. 1,000 answers queued while the backend was down, delivered by the next visit.
  server.received.length = 0;
  const offline = await open({ endpoint: UNREACHABLE });
  const queuedMs = await offline.evaluate(async (list) => {
    const t0 = performance.now();
    for (const r of list) await window.npsTest.submit(r);
    return performance.now() - t0;
  }, responses("queued"));
  await offline.close();
  const next = Date.now();
  const visit = await open({ endpoint: server.url + "/collect" });
  await waitDelivered(visit, COUNT);
  const drainMs = Date.now() - next;
  await context.close();
  return { persistMs, liveTotalMs, queuedMs, drainMs, posts: server.received.length };
}

const [server, browser] = await Promise.all([startServer(), launchChromium()]);
try {
  const size = await clientSize("client-size-all", "createClient, permanentError, segmentAdapter, posthogAdapter");
  const core = await clientSize("client-size-core", "createClient");
  const t = await throughput(browser, server);
  const round = (ms) => Math.round(ms);
  console.log(`[npskit] client bundle (createClient only): ${core.minified} B minified, ${core.gzip9} B gzip -9`);
  console.log(`[npskit] client bundle (whole public API):  ${size.minified} B minified, ${size.gzip9} B gzip -9`);
  console.log(
    `[npskit] backend up: ${COUNT} submits persisted in ${round(t.persistMs)} ms (${(t.persistMs / COUNT).toFixed(2)} ms each); all delivered ${round(t.liveTotalMs)} ms after the first`,
  );
  console.log(
    `[npskit] backend down: ${COUNT} queued in ${round(t.queuedMs)} ms; next visit delivered them all in ${round(t.drainMs)} ms (${t.posts} POSTs)`,
  );
} finally {
  await browser.close();
  await server.close();
}
