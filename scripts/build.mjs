// Types (tsc -b, which also type-checks every package) then bundles (rollup).
import { execSync } from "node:child_process";
import { rmSync } from "node:fs";
import { PUBLISHED, ROOT } from "./workspace.mjs";

const run = (cmd) => execSync(cmd, { cwd: ROOT, stdio: "inherit" });

/** Declarations of every published package (and their type-check), in dependency order. */
export const buildTypes = () => run(`npx tsc -b ${PUBLISHED.map((p) => `packages/${p.dir}`).join(" ")}`);

export function build() {
  for (const p of PUBLISHED) rmSync(`${ROOT}packages/${p.dir}/dist`, { recursive: true, force: true });
  buildTypes();
  run("npx rollup -c --silent");
}

// `node scripts/build.mjs --types`: declarations only (`npm run typecheck`).
if (import.meta.url === `file://${process.argv[1]}`) process.argv.includes("--types") ? buildTypes() : build();
