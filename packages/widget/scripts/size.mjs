// Size of the widget chunk, gzip -9: its own code + CSS + English texts (budget 4096 B), each
// other language's chunk, and the chunk with Preact included.
// Run: node packages/widget/scripts/size.mjs (also part of `npm test`).
import { rollup } from "rollup";
import nodeResolve from "@rollup/plugin-node-resolve";
import terser from "@rollup/plugin-terser";
import { fileURLToPath } from "node:url";
import { workspaceSources } from "../../../scripts/workspace-sources.mjs";
import { gzip9 as gzip } from "../../../scripts/bench/size-measure.mjs";

const BUDGET = 4096;
const root = fileURLToPath(new URL("../../..", import.meta.url));
const widget = `${root}packages/widget`;
const isVendor = (id) => /^preact(\/|$)/.test(id);

async function gzippedSize(external) {
  const build = await rollup({
    input: `${widget}/src/index.ts`,
    external,
    plugins: [
      workspaceSources({ sideEffectFree: true }),
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
console.log(
  `[widget] each other language: ${Math.min(...own.locales)}–${largestLocale} B gzip -9 (${own.locales.length} chunks)`,
);
console.log(`[widget] with preact: ${total.entry} B gzip -9 (+ ${largestLocale} B at most for a language)`);
if (own.entry > BUDGET) {
  console.error(`[widget] over budget by ${own.entry - BUDGET} B`);
  process.exit(1);
}
