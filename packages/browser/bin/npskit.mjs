#!/usr/bin/env node
// `npskit validate config.json` / `npskit simulate config.json --users 10000`. The CLI is
// src/cli/run.ts, built into dist/cli.js; this file only wires it to the process.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";

const cli = new URL("../dist/cli.js", import.meta.url);
if (!existsSync(cli)) {
  // Only in a clone that has not been built yet: the published package ships dist/.
  console.error("npskit: the CLI is not built yet; run `npm run build` at the repository root first.");
  process.exit(2);
}
const { runCli } = await import(cli.href);
process.exitCode = await runCli(process.argv.slice(2), {
  readFile: (path) => readFile(path, "utf8"),
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  now: () => Date.now(),
});
