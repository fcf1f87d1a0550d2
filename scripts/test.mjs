// `npm test`: everything that must pass, from a fresh machine with only Node and npm.
import { execSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { bootstrap } from "./bootstrap.mjs";
import { ensureChromium } from "./ensure-chromium.mjs";
import { ensurePostgres } from "./ensure-postgres.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const step = (name, cmd) => {
  const started = Date.now();
  console.log(`\n[npskit] ${name}`);
  execSync(cmd, { cwd: root, stdio: "inherit" });
  console.log(`[npskit] ${name}: ok (${((Date.now() - started) / 1000).toFixed(1)} s)`);
};

try {
  bootstrap();
  ensureChromium();
  ensurePostgres();
  // The PostgreSQL suites fail instead of skipping when no server can be started.
  process.env.NPSKIT_REQUIRE_POSTGRES = "1";
  step("lint (formatting, lint rules, type-check of every file that runs)", "npm run lint --silent");
  step("build (type-check + bundles)", "node scripts/build.mjs");
  step("type-check the reference collector", "npx tsc -p examples/collector --noEmit");
  step("unit + component + browser tests", "npx vitest run");
  step("bundle-size budgets", "node scripts/size.mjs");
  step("npskit package exports and types (publint, attw)", "node scripts/check-package.mjs");
  step("widget size budget (own code + CSS)", "node packages/widget/scripts/size.mjs");
} catch (e) {
  console.error(`\n[npskit] npm test failed: ${e.message.split("\n")[0]}`);
  process.exit(1);
}
