// `npm run demo`: installs, builds, starts the reference collector (PGlite in .data/demo) with six
// months of sample answers, serves the script-tag host page, and prints the URLs. Ctrl-C stops.
// `--smoke`: the same on random ports and a temporary data directory, then checks that every URL
// answers and that a posted response reaches the report, and exits (0 = all good). The ports are
// checked first; the SDK is built only when a source changed since the last build (or with
// --smoke, only when it is missing). `--no-build`: use the SDK as built.
import { execSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { bootstrap } from "./bootstrap.mjs";
import { serveStatic } from "./demo-static.mjs";
import { busyPort, staleBuild } from "./demo-build.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const smoke = process.argv.includes("--smoke");
const skipBuild = process.argv.includes("--no-build");
const SURVEY = "nps-checkout";
const HOST_PAGE = "/examples/script-tag/index.html";
const SAMPLE_SIZE = 400;
const log = (message) => console.log(`[npskit] ${message}`);
const fail = (message) => {
  console.error(`[npskit] demo failed: ${message}`);
  process.exit(1);
};

const basePort = smoke ? 0 : Number(process.env.PORT ?? 8787);
if (!Number.isInteger(basePort) || basePort < 0 || basePort > 65534)
  fail(`PORT must be a port number such as 9000, got "${process.env.PORT}"`);
const hostPort = basePort === 0 ? 0 : basePort + 1;
const busy = await busyPort([basePort, hostPort]);
if (busy !== undefined) fail(`port ${busy} is in use (another demo running?); try PORT=9000 npm run demo`);
bootstrap();
await buildEverything();
const { startCollector } = await import(pathToFileURL(join(root, "examples/collector/dist/main.js")).href);
const { sampleResponses } = await import(pathToFileURL(join(root, "examples/collector/dist/sample.js")).href);

const dataDir = smoke
  ? mkdtempSync(join(tmpdir(), "npskit-demo-"))
  : (process.env.NPSKIT_DATA_DIR ?? join(root, ".data/demo"));
if (!existsSync(join(root, HOST_PAGE))) fail(`the host page ${HOST_PAGE} is missing`);
let seeding = true;
// By id and score only: logs never hold a comment, an attribute value or a user id.
const onStored = (r, result) =>
  !seeding && log(`${result} response ${r.id}: ${r.kind} ${r.score}${r.comment ? " with a comment" : ""}`);
const collector = await startCollector({ port: basePort, host: "127.0.0.1", dataDir, origins: "*", onStored }).catch(
  (e) =>
    fail(
      `cannot start the collector on port ${basePort} (${e.message}); another demo running? Try PORT=9000 npm run demo`,
    ),
);
const host = await serveStatic({
  root,
  port: hostPort,
  allow: ["/examples/", "/packages/browser/dist/"],
  index: HOST_PAGE,
}).catch(async (e) => {
  await collector.stop();
  fail(`cannot serve the host page (${e.message}); try another PORT`);
});

const collectorUrl = `http://127.0.0.1:${collector.port}`;
const hostUrl = `http://127.0.0.1:${host.port}${HOST_PAGE}?endpoint=${encodeURIComponent(`${collectorUrl}/collect`)}`;
const reportUrl = `${collectorUrl}/report?surveyId=${SURVEY}&segment=plan`;

async function stop(code) {
  await host.close();
  await collector.stop();
  if (smoke) rmSync(dataDir, { recursive: true, force: true });
  process.exit(code);
}

try {
  await seed();
  seeding = false;
  if (smoke) {
    await smokeChecks();
    log("demo smoke test: ok");
    await stop(0);
  }
} catch (error) {
  console.error(`[npskit] demo failed: ${error instanceof Error ? error.message : error}`);
  await stop(1);
}

log(`host page: ${hostUrl}`);
log(`NPS report: ${reportUrl}`);
log(`collector: ${collectorUrl} (PGlite in ${dataDir})`);
log('Answer the survey on the host page ("Preview the survey"), then reload the report. Ctrl-C stops.');
log("Add &npskit_debug=1 to the host page URL and the console says why each survey is shown or not.");
process.once("SIGINT", () => void stop(0));
process.once("SIGTERM", () => void stop(0));

/** Builds the SDK when a source changed since the last build, and compiles the collector. */
async function buildEverything() {
  const stale = skipBuild ? undefined : staleBuild(root);
  // --smoke (run by npm test right after its own build) rebuilds only what is missing.
  if (stale && (!smoke || stale.endsWith("is missing"))) {
    log(`building the SDK (${stale})…`);
    const { build } = await import("./build.mjs");
    build();
  }
  if (collectorCompiled()) return;
  log("compiling the collector…");
  execSync("npx tsc -p examples/collector", { cwd: root, stdio: "inherit" });
}

/** The collector's dist is newer than every source file (and than the packages it imports). */
function collectorCompiled() {
  const output = join(root, "examples/collector/dist/main.js");
  if (!existsSync(output)) return false;
  const built = statSync(output).mtimeMs;
  const sources = readdirSync(join(root, "examples/collector/src"), { recursive: true }).map((f) =>
    join(root, "examples/collector/src", String(f)),
  );
  const inputs = [...sources, join(root, "packages/core/dist/index.js"), join(root, "packages/insights/dist/index.js")];
  return inputs.every((f) => !existsSync(f) || statSync(f).mtimeMs <= built);
}

/** Posts the sample through the public endpoint; the same ids every run, so nothing doubles. */
async function seed() {
  const sample = sampleResponses({ surveyId: SURVEY, count: SAMPLE_SIZE, now: Date.now(), unanswered: 1.6 });
  const results = { created: 0, updated: 0, ignored: 0 };
  const queue = [...sample];
  const worker = async () => {
    for (let r = queue.shift(); r; r = queue.shift()) {
      const res = await fetch(`${collectorUrl}/collect`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(r),
      });
      if (!res.ok) throw new Error(`seeding failed: ${res.status} ${await res.text()}`);
      results[(await res.json()).result]++;
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  log(
    `sample: ${SAMPLE_SIZE} answers and ${sample.length - SAMPLE_SIZE} unanswered displays; ${results.created} new, ${results.updated} refreshed, ${results.ignored} already there`,
  );
}

async function smokeChecks() {
  const expectOk = async (url, contains) => {
    const res = await fetch(url);
    const text = await res.text();
    if (!res.ok || !text.includes(contains)) throw new Error(`${url} answered ${res.status} without "${contains}"`);
  };
  await expectOk(hostUrl, "npskit.init");
  await expectOk(`http://127.0.0.1:${host.port}/packages/browser/dist/npskit.js`, "npskit");
  await expectOk(reportUrl, "Net Promoter Score");
  const now = new Date().toISOString();
  const id = `smoke-${Date.now()}`;
  const response = {
    id,
    surveyId: SURVEY,
    kind: "nps",
    score: 10,
    category: "promoter",
    comment: "Smoke test answer",
    complete: true,
    userId: "smoke-user",
    anonymousId: "smoke-anon",
    attributes: { plan: "pro" },
    locale: "en",
    createdAt: now,
    updatedAt: now,
    sdk: { name: "npskit", version: "0.1.0" },
  };
  const posted = await fetch(`${collectorUrl}/collect`, {
    method: "POST",
    headers: {
      "content-type": "text/plain;charset=UTF-8",
      origin: `http://127.0.0.1:${host.port}`,
      "idempotency-key": id,
    },
    body: JSON.stringify(response),
  });
  if (posted.status !== 200 || !posted.headers.get("access-control-allow-origin"))
    throw new Error(`POST /collect answered ${posted.status}`);
  const summary = await (await fetch(`${collectorUrl}/api/summary?surveyId=${SURVEY}`)).json();
  if (summary.nps.total !== SAMPLE_SIZE + 1)
    throw new Error(`summary counts ${summary.nps.total} answers, expected ${SAMPLE_SIZE + 1}`);
  await expectOk(reportUrl, "Smoke test answer");
}
