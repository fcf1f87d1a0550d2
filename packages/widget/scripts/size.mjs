// Size of the widget chunk, gzip -9: its own code + CSS + English texts (budget 4096 B), each
// other language's chunk, and the chunk with Preact and signals included.
// Run: node packages/widget/scripts/size.mjs (also part of `npm test`).
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

const gzip = (code) => gzipSync(code, { level: constants.Z_BEST_COMPRESSION }).length;

async function gzippedSize(external) {
  const build = await rollup({
    input: `${widget}/src/index.ts`,
    external,
    plugins: [
      sources(),
      nodeResolve({ browser: true }),
      terser({ module: true, ecma: 2020, compress: { passes: 3, unsafe_arrows: true }, format: { comments: false } }),
    ],
    onwarn: () => {},
  });
  const { output } = await build.generate({ format: "es" });
  await build.close();
  const chunks = output.filter((o) => o.type === "chunk");
  return {
    entry: gzip(chunks.find((c) => c.isEntry).code),
    // Every language but English is its own chunk, fetched only by people who read it.
    locales: chunks.filter((c) => !c.isEntry).map((c) => gzip(c.code)),
  };
}

const own = await gzippedSize(isVendor);
const total = await gzippedSize(() => false);
const largestLocale = Math.max(...own.locales);
console.log(`[widget] own code + CSS + English: ${own.entry} B gzip -9 (budget ${BUDGET} B)`);
console.log(`[widget] each other language: ${Math.min(...own.locales)}–${largestLocale} B gzip -9 (${own.locales.length} chunks)`);
console.log(`[widget] with preact + @preact/signals: ${total.entry} B gzip -9 (+ ${largestLocale} B at most for a language)`);
if (own.entry > BUDGET) {
  console.error(`[widget] over budget by ${own.entry - BUDGET} B`);
  process.exit(1);
}
