// Which modules make up each browser bundle: rebuilds them in memory and prints every module's
// share (rendered bytes before minification, and gzip -9 of that code on its own), largest first.
// `node scripts/bench/size-modules.mjs [npskit.js|npskit-ui.js]`
import { rollup } from "rollup";
import { relative } from "node:path";
import { browserBuilds } from "../../packages/browser/rollup.browser.mjs";
import { gzip9 } from "./size-measure.mjs";

const only = process.argv[2];
// Rollup options as the build writes them (JS, so typed loosely here).
for (const config of /** @type {any[]} */ (browserBuilds())) {
  const bundle = await rollup({ ...config, onwarn: () => {} });
  const { output } = await bundle.generate({ ...config.output, plugins: [] });
  await bundle.close();
  for (const chunk of output)
    if (chunk.type === "chunk") tally(chunk, config.output.file?.split("/").pop() ?? chunk.fileName);
}

function tally(chunk, file) {
  if (only && file !== only) return;
  const rows = Object.entries(chunk.modules)
    .map(([id, m]) => ({
      id: relative(process.cwd(), id.replace(/^\0/, "")),
      raw: m.renderedLength,
      gz: m.code ? gzip9(m.code) : 0,
    }))
    .filter((r) => r.raw > 0)
    .sort((a, b) => b.raw - a.raw);
  console.log(`\n${file}: ${rows.reduce((s, r) => s + r.raw, 0)} B rendered (unminified)`);
  for (const r of rows) console.log(`${String(r.raw).padStart(8)} ${String(r.gz).padStart(7)} gz  ${r.id}`);
}
