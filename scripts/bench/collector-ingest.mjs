// Collector benchmark (not a test): ingest throughput and latency of POST /collect, and the time to
// build a summary and a report over what was ingested, with PGlite (embedded, on disk) and, when
// one can be started from the local `postgresql` package, a PostgreSQL server.
// The collector runs in its own process; a bounded load generator (N workers over a fixed count,
// Node fetch with keep-alive) drives it. Results go to stdout, .bench/collector-ingest.json and
// the collector section of docs/performance.md.
// Run: node scripts/bench/collector-ingest.mjs [--count 5000] [--workers 16]
import { execSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const COUNT = arg("count", 5000);
const WORKERS = arg("workers", 16);
const WARMUP = 200;
const RETRIES = Math.min(COUNT, 2000);
const loadAtStart = loadavg()[0].toFixed(1);

execSync("npx tsc -p examples/collector", { cwd: ROOT, stdio: "inherit" });
const { startLocalPostgres } = await import(
  pathToFileURL(join(ROOT, "examples/collector/dist/local-postgres.js")).href
);

/** Starts `node dist/main.js` with `env`; resolves with its URL once it listens. */
function startCollectorProcess(env) {
  const child = spawn(process.execPath, ["examples/collector/dist/main.js"], {
    cwd: ROOT,
    env: { ...process.env, PORT: "0", ...env },
  });
  return new Promise((resolve, reject) => {
    let output = "";
    const onData = (chunk) => {
      output += chunk;
      const m = /collector on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (m)
        resolve({ url: m[1], stop: () => new Promise((done) => (child.once("exit", done), child.kill("SIGTERM"))) });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => reject(new Error(`collector exited (${code}): ${output}`)));
  });
}

const response = (run, i) => {
  const at = new Date(Date.now() - (i % 180) * 86_400_000).toISOString();
  const score = i % 11;
  return {
    id: `bench-${run}-${String(i).padStart(8, "0")}`,
    surveyId: "nps-bench",
    kind: "nps",
    score,
    category: score >= 9 ? "promoter" : score >= 7 ? "passive" : "detractor",
    comment: i % 3 ? "Checkout was quick, but the sync with our CRM is slow sometimes." : undefined,
    complete: true,
    userId: `user-${i}`,
    anonymousId: `anon-${i}`,
    attributes: { plan: ["free", "pro", "team"][i % 3], ltv: (i % 50) * 40 },
    url: "https://app.example.com/checkout",
    locale: "en",
    createdAt: at,
    updatedAt: at,
    sdk: { name: "npskit", version: "0.1.0" },
  };
};

/** Posts `bodies` with `WORKERS` concurrent workers; returns per-request latencies (ms) and wall time. */
async function load(url, bodies) {
  const latencies = [];
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++];
      const started = performance.now();
      const res = await fetch(`${url}/collect`, {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": body.id },
        body: JSON.stringify(body),
      });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`POST /collect answered ${res.status}`);
      latencies.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: WORKERS }, worker));
  return { latencies, wallMs: performance.now() - started };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

function stats({ latencies, wallMs }) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    perSecond: Math.round((latencies.length * 1000) / wallMs),
    p50: +percentile(sorted, 50).toFixed(2),
    p99: +percentile(sorted, 99).toFixed(2),
  };
}

async function timed(url) {
  const started = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return Math.round(performance.now() - started);
}

async function scenario(name, env) {
  const collector = await startCollectorProcess(env);
  try {
    await load(
      collector.url,
      Array.from({ length: WARMUP }, (_, i) => response("warmup", i)),
    );
    const bodies = Array.from({ length: COUNT }, (_, i) => response("run", i));
    const inserts = stats(await load(collector.url, bodies));
    // Retries of already stored states: the upsert's "ignored" path.
    const duplicates = stats(await load(collector.url, bodies.slice(0, RETRIES)));
    const summaryMs = await timed(`${collector.url}/api/summary?surveyId=nps-bench&segment=plan`);
    const reportMs = await timed(`${collector.url}/report?surveyId=nps-bench&segment=plan`);
    return { name, inserts, duplicates, summaryMs, reportMs };
  } finally {
    await collector.stop();
  }
}

const results = [];
const dataDir = mkdtempSync(join(tmpdir(), "npskit-bench-"));
try {
  results.push(await scenario("PGlite (embedded, on disk)", { NPSKIT_DATA_DIR: dataDir, DATABASE_URL: "" }));
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
let postgres;
try {
  postgres = await startLocalPostgres();
} catch (error) {
  console.log(`PostgreSQL: skipped (${error.message})`);
}
if (postgres) {
  try {
    results.push(await scenario("PostgreSQL 15 (local server, pg pool of 10)", { DATABASE_URL: postgres.url }));
  } finally {
    postgres.stop();
  }
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? "CPU"}, Node ${process.versions.node}`;
const rows = results.map(
  (r) =>
    `| ${r.name} | ${r.inserts.perSecond} | ${r.inserts.p50} | ${r.inserts.p99} | ${r.duplicates.perSecond} | ${r.summaryMs} | ${r.reportMs} |`,
);
const section = `<!-- collector-bench:start -->
## Collector ingest (\`node scripts/bench/collector-ingest.mjs\`)

${COUNT} distinct responses posted to \`POST /collect\` by ${WORKERS} concurrent workers (Node fetch,
keep-alive) after ${WARMUP} warm-up requests; the collector runs in its own process on the same
machine (${machine}; 1-minute load average ${loadAtStart} at start). "Retries" re-posts ${RETRIES}
already stored responses (the upsert ignores them).
Summary and report are single requests over the ${COUNT + WARMUP} stored responses.

| storage | inserts/s | p50 ms | p99 ms | retries/s | summary ms | report ms |
|---|---:|---:|---:|---:|---:|---:|
${rows.join("\n")}

PGlite runs PostgreSQL in WebAssembly on one connection, so writes are serialised: plenty for a
product's survey traffic (answers arrive a few per second at most) and zero setup. Use
\`DATABASE_URL\` when several collector processes share one database. Summary and report come from
database aggregates; how they grow to a million answers: "Collector at scale" below.
<!-- collector-bench:end -->`;

console.log(`\n${section}\n`);
mkdirSync(join(ROOT, ".bench"), { recursive: true });
writeFileSync(
  join(ROOT, ".bench/collector-ingest.json"),
  JSON.stringify({ count: COUNT, workers: WORKERS, machine, results }, null, 2),
);

// Replace only our section: other benchmarks write theirs into the same page.
const doc = join(ROOT, "docs/performance.md");
const current = existsSync(doc)
  ? readFileSync(doc, "utf8")
  : "# Performance\n\nMeasured by the benchmarks in `scripts/bench/` (never by timed tests).\n";
const marked = /<!-- collector-bench:start -->[\s\S]*<!-- collector-bench:end -->/;
writeFileSync(doc, marked.test(current) ? current.replace(marked, section) : `${current.trimEnd()}\n\n${section}\n`);
console.log("written to docs/performance.md");
