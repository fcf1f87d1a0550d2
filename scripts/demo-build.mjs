// What `npm run demo` checks before its slow steps: are its ports free (so a busy port fails in
// a second, not after a build), and is the SDK build older than any of its sources.
import { existsSync, readdirSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { PUBLISHED } from "./workspace.mjs";

const PACKAGES = PUBLISHED.map((p) => p.dir);

/** Files the build writes last in each package: missing or older than a source means "build". */
export const BUILD_OUTPUTS = [
  ...PACKAGES.map((p) => `packages/${p}/dist/index.js`),
  "packages/browser/dist/npskit.js",
  "packages/browser/dist/cli.js",
];

/** Everything the build reads. */
function buildInputs(root) {
  const files = [
    "rollup.config.mjs",
    "tsconfig.base.json",
    "pnpm-lock.yaml",
    "scripts/build.mjs",
    "scripts/workspace-sources.mjs",
    "scripts/workspace.mjs",
    "packages/browser/rollup.browser.mjs",
  ];
  for (const p of PACKAGES) {
    files.push(`packages/${p}/package.json`, `packages/${p}/tsconfig.json`);
    const src = join(root, `packages/${p}/src`);
    // Tests are not built: editing one needs no new build.
    if (existsSync(src))
      for (const f of readdirSync(src, { recursive: true }))
        if (!/\.test[.-]/.test(String(f))) files.push(`packages/${p}/src/${f}`);
  }
  return files.map((f) => join(root, f)).filter((f) => existsSync(f) && statSync(f).isFile());
}

/** Why the SDK must be built, or undefined when every output is newer than every input. */
export function staleBuild(root) {
  const missing = BUILD_OUTPUTS.find((f) => !existsSync(join(root, f)));
  if (missing) return `${missing} is missing`;
  const built = Math.min(...BUILD_OUTPUTS.map((f) => statSync(join(root, f)).mtimeMs));
  const changed = buildInputs(root).find((f) => statSync(f).mtimeMs > built);
  return changed ? `${changed.slice(root.length)} changed since the last build` : undefined;
}

/** The first of `ports` that something on 127.0.0.1 already listens on (0 = any port: never busy). */
export async function busyPort(ports) {
  for (const port of ports.filter((p) => p !== 0)) {
    const free = await new Promise((resolve) => {
      const probe = createServer();
      probe.once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (!free) return port;
  }
  return undefined;
}
