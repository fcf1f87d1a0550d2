// Size of the widget chunk, gzip -9: its own code + CSS (budget 4096 B), and with Preact and
// signals included. Run: node packages/widget/scripts/size.mjs
import { rollup } from "rollup";
import nodeResolve from "@rollup/plugin-node-resolve";
import terser from "@rollup/plugin-terser";
import ts from "typescript";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { gzipSync, constants } from "node:zlib";
import { fileURLToPath } from "node:url";

const BUDGET = 4096;
const root = fileURLToPath(new URL("../../..", import.meta.url));
const widget = `${root}packages/widget`;
const isVendor = (id) => /^(preact|@preact\/signals)(\/|$)/.test(id);

/** Workspace packages and sibling imports ("./x.js") resolve to TypeScript sources, transpiled. */
const sources = () => ({
  name: "sources",
  resolveId(id, importer) {
    // Core is side-effect free (package.json "sideEffects": false): only what the widget uses stays.
    if (id === "@npskit/core") return { id: `${root}packages/core/src/index.ts`, moduleSideEffects: false };
    if (!importer || !id.startsWith(".")) return null;
    const base = join(dirname(importer), id.replace(/\.js$/, ""));
    return [".ts", ".tsx"].map((ext) => base + ext).find(existsSync) ?? null;
  },
  transform(_code, id) {
    if (!/\.tsx?$/.test(id)) return null;
    const options = { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.ESNext, jsx: ts.JsxEmit.ReactJSX, jsxImportSource: "preact", verbatimModuleSyntax: true };
    return { code: ts.transpileModule(readFileSync(id, "utf8"), { fileName: id, compilerOptions: options }).outputText, map: null };
  },
});

async function gzippedSize(external) {
  const build = await rollup({
    input: `${widget}/src/index.ts`,
    external,
    plugins: [
      sources(),
      nodeResolve({ browser: true }),
      terser({ compress: { passes: 2 }, format: { comments: false } }),
    ],
    onwarn: () => {},
  });
  const { output } = await build.generate({ format: "es" });
  await build.close();
  return gzipSync(output[0].code, { level: constants.Z_BEST_COMPRESSION }).length;
}

const own = await gzippedSize(isVendor);
const total = await gzippedSize(() => false);
console.log(`[widget] own code + CSS: ${own} B gzip -9 (budget ${BUDGET} B)`);
console.log(`[widget] with preact + @preact/signals: ${total} B gzip -9`);
if (own > BUDGET) {
  console.error(`[widget] over budget by ${own - BUDGET} B`);
  process.exit(1);
}
