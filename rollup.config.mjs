// Builds every package: ESM + types for the libraries; the browser package adds its IIFE loader,
// lazy UI chunk and snippet (packages/browser/rollup.browser.mjs).
import { readFileSync, existsSync } from "node:fs";
import typescript from "@rollup/plugin-typescript";
import { browserBuilds } from "./packages/browser/rollup.browser.mjs";

const LIBRARIES = ["core", "client", "widget", "insights", "browser"];
// One output file per source module, so bundlers drop whole unused modules (sideEffects: false):
// the browser loader's imports from @npskit/core must not drag in the zod schema.
const PRESERVE_MODULES = new Set(["core"]);
// Entries beside index, name → source: subpaths (package.json "exports") that a page imports without
// the rest, and the browser package's CLI (dist/cli.js, imported by bin/npskit.mjs).
const ENTRIES = { core: { runtime: "runtime" }, client: { outbox: "outbox" }, browser: { cli: "cli/run" } };

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

const library = (pkg) => {
  const manifest = JSON.parse(readFileSync(`packages/${pkg}/package.json`, "utf8"));
  const deps = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies });
  return {
    input: Object.fromEntries(
      Object.entries({ index: "index", ...ENTRIES[pkg] }).map(([name, source]) => [
        name,
        `packages/${pkg}/src/${source}.ts`,
      ]),
    ),
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

export default [...LIBRARIES.filter((p) => existsSync(`packages/${p}/src/index.ts`)).map(library), ...browserBuilds()];
