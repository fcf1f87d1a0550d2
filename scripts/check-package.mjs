// What developers install: `npskit` (packages/browser) must pack with correct exports and types.
// publint lints package.json against the packed files; attw resolves the types the way Node and
// bundlers do (ESM only: the package has no CommonJS entry); the tarball check installs the packed
// packages into a scratch app and uses them (check-tarball.mjs). Run by `npm test` after the build.
import { execSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { checkTarball } from "./check-tarball.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const checks = [
  ["publint", "npx publint packages/browser --pack npm --strict"],
  ["attw", "npx attw --pack packages/browser --profile esm-only"],
];
let failed = false;
for (const [name, cmd] of checks) {
  try {
    execSync(cmd, { cwd: root, stdio: "pipe" });
    console.log(`[npskit] ${name}: ok`);
  } catch (e) {
    failed = true;
    console.error(`[npskit] ${name} failed:\n${e.stdout}${e.stderr}`);
  }
}
const problems = checkTarball();
if (problems.length) {
  failed = true;
  console.error(`[npskit] packed tarball in a scratch app failed:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
} else console.log("[npskit] packed tarball in a scratch app: ok");
if (failed) process.exit(1);
