// Types (tsc -b, which also type-checks every package) then bundles (rollup).
import { execSync } from "node:child_process";
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const run = (cmd) => execSync(cmd, { cwd: root, stdio: "inherit" });

export function build() {
  for (const p of ["core", "client", "widget", "insights", "browser"])
    rmSync(`${root}packages/${p}/dist`, { recursive: true, force: true });
  run("npx tsc -b packages/core packages/client packages/widget packages/insights packages/browser");
  run("npx rollup -c --silent");
}

if (import.meta.url === `file://${process.argv[1]}`) build();
