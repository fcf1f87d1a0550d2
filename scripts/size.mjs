// Bundle-size budgets (gzip -9 of the JS a visitor downloads, measured in Chromium). Run by
// `npm test` after the tests; exits non-zero above budget. Prints the figures on every run.
import { BUDGETS, measure } from "./bench/size-measure.mjs";

const SNIPPET_BUDGET = 1024;

const figures = await measure();
let failed = false;
const line = (name, bytes, budget, target, br) => {
  const over = bytes > budget;
  failed ||= over;
  const aim = target ? `, target ${target} B${bytes > target ? " (above target)" : ""}` : "";
  const unit = br === undefined ? "B" : `B gzip -9, ${br} B brotli`;
  console.log(`[npskit] ${over ? "OVER BUDGET" : "ok"}  ${name}: ${bytes} ${unit} (budget ${budget} B${aim})`);
};
line("snippet (minified; inlined in the page)", figures.snippetRaw, SNIPPET_BUDGET);
console.log(`           (${figures.snippet} B gzip -9, inside the HTML)`);
for (const [key, { name, budget, target }] of Object.entries(BUDGETS)) {
  line(name, figures[key].total, budget, target, figures[key].brotli);
  for (const [path, bytes] of Object.entries(figures[key].files)) console.log(`           ${path}: ${bytes} B`);
}
if (failed) process.exit(1);
