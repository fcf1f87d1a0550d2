// Bundles a snippet of ES code importing from @npskit/core's sources, the way a browser build
// would (node-resolve, the package's sideEffects: false honoured, terser), to measure bytes and
// to prove what tree-shaking leaves out. Used by measure-size.mjs and tree-shaking.test.ts.
import { rollup } from "rollup";
import nodeResolve from "@rollup/plugin-node-resolve";
import terser from "@rollup/plugin-terser";
import { workspaceSources } from "../../../scripts/workspace-sources.mjs";

const ENTRY = "\0npskit-size-entry";

/** The snippet being measured, as a virtual module. */
const entry = (entryCode) => ({
  name: "size-entry",
  resolveId: (id) => (id === ENTRY ? id : null),
  load: (id) => (id === ENTRY ? entryCode : null),
});

/**
 * Bundle `entryCode` (e.g. `export { pickSurvey } from "@npskit/core/runtime"`). Resolves to the minified
 * code and the ids of the modules that contributed code.
 */
export async function bundleEntry(entryCode) {
  const build = await rollup({
    input: ENTRY,
    // Our sources declare no side effects (package.json "sideEffects": false), like a published build.
    plugins: [entry(entryCode), workspaceSources({ sideEffectFree: true }), nodeResolve({ browser: true })],
    onwarn: () => {},
  });
  const { output } = await build.generate({
    format: "es",
    plugins: [terser({ ecma: 2020, compress: { passes: 3, pure_getters: true }, format: { comments: false } })],
  });
  await build.close();
  const chunk = output[0];
  const modules = Object.entries(chunk.modules)
    .filter(([, m]) => m.renderedLength > 0)
    .map(([id]) => id);
  return { code: chunk.code, modules };
}
