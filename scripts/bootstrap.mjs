// Installs pnpm (without corepack, which cannot verify signatures on some machines) and the
// workspace's dependencies, so `npm test` and `npm run demo` work on a machine with only Node and npm.
import { execSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
export const pnpm = "npx -y pnpm@10.34.8";

function fingerprint() {
  const files = ["pnpm-lock.yaml", "package.json", "pnpm-workspace.yaml"];
  const hash = createHash("sha1");
  for (const f of files) if (existsSync(root + f)) hash.update(readFileSync(root + f));
  return hash.digest("hex");
}

export function bootstrap() {
  const stamp = root + "node_modules/.npskit-install";
  const want = fingerprint();
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === want) return;
  const frozen = existsSync(root + "pnpm-lock.yaml") && process.env.CI ? " --frozen-lockfile" : "";
  console.log(`[npskit] installing dependencies with pnpm${frozen}…`);
  execSync(`${pnpm} install${frozen}`, { cwd: root, stdio: "inherit" });
  writeFileSync(stamp, fingerprint());
}

if (import.meta.url === `file://${process.argv[1]}`) bootstrap();
