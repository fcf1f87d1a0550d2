// `npm run bench`: every benchmark in turn (sizes against peers, main-thread long tasks, latency
// on Slow 4G, client delivery, collector ingest, collector at 10k/100k/1M answers). Benchmarks
// measure and print; they never pass or fail. Run one with `npm run bench -- <name>`.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const BENCHES = {
  size: ["scripts/bench/size-compare.mjs", "--peers"],
  "main-thread": ["scripts/bench/main-thread.mjs"],
  latency: ["scripts/bench/latency.mjs"],
  client: ["scripts/bench/client-throughput.mjs"],
  collector: ["scripts/bench/collector-ingest.mjs"],
  "collector-scale": ["scripts/bench/collector-scale.mjs"],
};

// Names pick benchmarks; `--option value` pairs after them go to each one picked.
const firstOption = process.argv.findIndex((a, i) => i >= 2 && a.startsWith("--"));
const wanted = process.argv.slice(2, firstOption < 0 ? undefined : firstOption);
const options = firstOption < 0 ? [] : process.argv.slice(firstOption);
for (const [name, [file, ...args]] of Object.entries(BENCHES)) {
  if (wanted.length && !wanted.includes(name)) continue;
  console.log(`\n[npskit bench] ${name}`);
  execFileSync(process.execPath, [file, ...args, ...options], { cwd: root, stdio: "inherit" });
}
