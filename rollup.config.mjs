// Builds every package: ESM for the libraries (types come from `tsc -b`, scripts/build.mjs); the
// browser package adds its IIFE loader, lazy chunks and snippet (packages/browser/rollup.browser.mjs).
// TypeScript is transpiled the same way in every build: scripts/workspace-sources.mjs.
import { readFileSync } from "node:fs";
import { browserBuilds } from "./packages/browser/rollup.browser.mjs";
import { PUBLISHED } from "./scripts/workspace.mjs";
import { workspaceSources } from "./scripts/workspace-sources.mjs";

// One output file per source module, so bundlers drop whole unused modules (sideEffects: false):
// the browser loader's imports from @npskit/core must not drag in the zod schema.
const PRESERVE_MODULES = new Set(["core"]);
// Entries beyond the package's "exports" (scripts/workspace.mjs), name → source: the browser
// package's CLI (dist/cli.js, imported by bin/npskit.mjs).
const EXTRA_ENTRIES = { browser: { cli: "packages/browser/src/cli/run.ts" } };

/** One entry per exported module, named like its dist file: "@npskit/core/runtime" → runtime. */
const entries = ({ dir, name, sources }) => ({
  ...Object.fromEntries(
    Object.entries(sources).map(([specifier, file]) => [
      specifier === name ? "index" : specifier.slice(name.length + 1),
      file,
    ]),
  ),
  ...EXTRA_ENTRIES[dir],
});

const library = (workspacePackage) => {
  const pkg = workspacePackage.dir;
  const manifest = JSON.parse(readFileSync(`packages/${pkg}/package.json`, "utf8"));
  const deps = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies });
  return {
    input: entries(workspacePackage),
    // Dependencies (workspace packages included) stay imports: rollup asks `external` before any
    // plugin resolves an import, so workspaceSources only ever resolves this package's own files.
    external: (id) => deps.some((d) => id === d || id.startsWith(d + "/")),
    output: {
      dir: `packages/${pkg}/dist`,
      format: "es",
      sourcemap: true,
      ...(PRESERVE_MODULES.has(pkg) && { preserveModules: true, preserveModulesRoot: `packages/${pkg}/src` }),
    },
    plugins: [workspaceSources({ sourceMap: true })],
  };
};

export default [...PUBLISHED.map(library), ...browserBuilds()];
