// Builds every package: ESM + types for the libraries; the browser package adds its IIFE loader,
// lazy UI chunk and snippet (packages/browser/rollup.browser.mjs).
import { readFileSync } from "node:fs";
import typescript from "@rollup/plugin-typescript";
import { browserBuilds } from "./packages/browser/rollup.browser.mjs";
import { PUBLISHED } from "./scripts/workspace.mjs";

// One output file per source module, so bundlers drop whole unused modules (sideEffects: false):
// the browser loader's imports from @npskit/core must not drag in the zod schema.
const PRESERVE_MODULES = new Set(["core"]);
// Entries beyond the package's "exports" (scripts/workspace.mjs), name → source: the browser
// package's CLI (dist/cli.js, imported by bin/npskit.mjs).
const EXTRA_ENTRIES = { browser: { cli: "packages/browser/src/cli/run.ts" } };

/** TypeScript → JS only; declarations come from `tsc -b` (dist/types). */
export const ts = (pkg) =>
  typescript({
    tsconfig: `packages/${pkg}/tsconfig.json`,
    compilerOptions: { composite: false, declaration: false, emitDeclarationOnly: false, noEmit: false },
    filterRoot: `packages/${pkg}`,
    include: ["src/**/*.ts", "src/**/*.tsx"],
    exclude: ["**/*.test.ts", "**/*.test.tsx"],
    noEmitOnError: true,
  });

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
    external: (id) => deps.some((d) => id === d || id.startsWith(d + "/")),
    output: {
      dir: `packages/${pkg}/dist`,
      format: "es",
      sourcemap: true,
      ...(PRESERVE_MODULES.has(pkg) && { preserveModules: true, preserveModulesRoot: `packages/${pkg}/src` }),
    },
    plugins: [ts(pkg)],
  };
};

export default [...PUBLISHED.map(library), ...browserBuilds()];
