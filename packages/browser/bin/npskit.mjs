#!/usr/bin/env node
// `npskit validate config.json` / `npskit simulate config.json --users 10000`.
// The logic is runCli in @npskit/core; in this repository it needs the build (`npm run build`),
// since @npskit/core resolves to its dist/.
import { readFile } from "node:fs/promises";
import { runCli } from "@npskit/core";

const code = await runCli(process.argv.slice(2), {
  readFile: (path) => readFile(path, "utf8"),
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  now: () => Date.now(),
});
process.exitCode = code;
