// Bundles a TypeScript entry (with workspace packages resolved to their sources) into one browser
// ES module, for browser tests of a single package before the published bundles exist.
import { rollup } from "rollup";
import nodeResolve from "@rollup/plugin-node-resolve";
// @ts-expect-error plain .mjs plugin shared with the browser build
import { workspaceSources } from "../../../scripts/workspace-sources.mjs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const OUT = join(ROOT, "node_modules/.e2e-build");

/**
 * Bundle `entry` (path relative to the repository root) and return the URL path the e2e server
 * serves it at, e.g. "/node_modules/.e2e-build/core-state.js". With `pureSources`, modules under
 * packages/ count as free of import-time side effects, as in the published builds, so unused ones
 * (e.g. a zod schema) are dropped: what size measurements need.
 */
export async function bundleForBrowser(
  entry: string,
  name: string,
  options: { pureSources?: boolean } = {},
): Promise<string> {
  const packages = join(ROOT, "packages");
  const build = await rollup({
    input: join(ROOT, entry),
    ...(options.pureSources && { treeshake: { moduleSideEffects: (id: string) => !id.startsWith(packages) } }),
    plugins: [workspaceSources(), nodeResolve({ browser: true, extensions: [".ts", ".tsx", ".js", ".mjs"] })],
    onwarn: () => {},
  });
  // One file per entry: lazily imported modules (e.g. the widget's language chunks) are inlined.
  await build.write({ file: join(OUT, `${name}.js`), format: "es", inlineDynamicImports: true });
  await build.close();
  return `/node_modules/.e2e-build/${name}.js`;
}
