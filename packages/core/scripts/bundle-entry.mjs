// Bundles a snippet of ES code importing from @npskit/core's sources, the way a browser build
// would (node-resolve, the package's sideEffects: false honoured, terser), to measure bytes and
// to prove what tree-shaking leaves out. Used by measure-size.mjs and tree-shaking.test.ts.
import { rollup } from "rollup";
import nodeResolve from "@rollup/plugin-node-resolve";
import terser from "@rollup/plugin-terser";
import ts from "typescript";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { existsSync } from "node:fs";

const CORE_SRC = fileURLToPath(new URL("../src/", import.meta.url));
const ENTRY = "\0npskit-size-entry";

function coreSources(entryCode) {
  return {
    name: "core-sources",
    resolveId(id, importer) {
      if (id === ENTRY) return id;
      if (id === "@npskit/core") return join(CORE_SRC, "index.ts");
      if (importer && id.startsWith(".") && id.endsWith(".js")) {
        const candidate = join(dirname(importer), id.slice(0, -3) + ".ts");
        if (existsSync(candidate)) return candidate;
      }
      return null;
    },
    load: (id) => (id === ENTRY ? entryCode : null),
    transform(code, id) {
      if (!id.endsWith(".ts")) return null;
      const out = ts.transpileModule(code, {
        fileName: id,
        compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true },
      });
      return { code: out.outputText, map: null };
    },
  };
}

/**
 * Bundle `entryCode` (e.g. `export { pickSurvey } from "@npskit/core"`). Resolves to the minified
 * code and the ids of the modules that contributed code.
 */
export async function bundleEntry(entryCode) {
  const build = await rollup({
    input: ENTRY,
    // Our sources declare no side effects (package.json "sideEffects": false), like a published build.
    treeshake: { moduleSideEffects: (id) => !id.startsWith(CORE_SRC) },
    plugins: [coreSources(entryCode), nodeResolve({ browser: true })],
    onwarn: () => {},
  });
  const { output } = await build.generate({
    format: "es",
    plugins: [terser({ ecma: 2020, compress: { passes: 3, pure_getters: true }, format: { comments: false } })],
  });
  await build.close();
  const chunk = output[0];
  const modules = Object.entries(chunk.modules).filter(([, m]) => m.renderedLength > 0).map(([id]) => id);
  return { code: chunk.code, modules };
}
