// Benchmark (not a test): the JS a visitor downloads with npskit, gzip -9, measured in Chromium
// (scripts/bench/size-measure.mjs), against the budgets and targets. With --peers it also packs
// published browser survey libraries from npm and measures their browser bundles the same way
// (gzip -9 of the minified files a page would load to show one survey).
// `node scripts/bench/size-compare.mjs [--peers]`
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BUDGETS, gzip9, measure } from "./size-measure.mjs";

const KB = 1024;
const { pageView, surveyShown, answered } = BUDGETS;
const rows = [];
const ours = await measure();
const ratio = (bytes, of) => `${((bytes / of) * 100).toFixed(0)} %`;
rows.push([
  "npskit: page view, no survey",
  ours.pageView.total,
  ratio(ours.pageView.total, pageView.budget),
  ratio(ours.pageView.total, pageView.target),
]);
rows.push([
  "npskit: page view showing a survey",
  ours.surveyShown.total,
  ratio(ours.surveyShown.total, surveyShown.budget),
  ratio(ours.surveyShown.total, surveyShown.target),
]);
rows.push([
  "npskit: survey answered and delivered",
  ours.answered.total,
  ratio(ours.answered.total, answered.budget),
  "",
]);
rows.push(["npskit: snippet (inline, gzip -9)", ours.snippet, "", ""]);

/**
 * Package versions are pinned so the figures are comparable run to run. `pageView`: files every
 * page loads; `survey`: what showing one survey adds. Ratios are npskit's figure over the peer's.
 */
const PEERS = [
  {
    label: "survey-core + survey-js-ui (form library, core + plain-JS UI)",
    pageView: [],
    // The UI package requires the core package of the same version.
    survey: [
      ["survey-core@2.5.38", "package/survey.core.min.js"],
      ["survey-js-ui@2.5.38", "package/survey-js-ui.min.js"],
    ],
  },
  {
    label: "posthog-js (product analytics SDK; surveys load as an extension)",
    pageView: [["posthog-js@1.449.2", "package/dist/array.js"]],
    survey: [["posthog-js@1.449.2", "package/dist/surveys.js"]],
  },
];

async function gzipOfPacked(dir, files) {
  let total = 0;
  for (const [spec, file] of files) {
    const tarball = execFileSync("npm", ["pack", spec, "--silent"], { cwd: dir, encoding: "utf8" })
      .trim()
      .split("\n")
      .pop();
    execFileSync("tar", ["-xzf", tarball, file], { cwd: dir });
    total += gzip9(readFileSync(join(dir, file)));
    rmSync(join(dir, "package"), { recursive: true, force: true });
  }
  return total;
}

const peerRows = [];
if (process.argv.includes("--peers")) {
  const dir = mkdtempSync(join(tmpdir(), "npskit-peers-"));
  try {
    for (const peer of PEERS) {
      const pageView = await gzipOfPacked(dir, peer.pageView);
      const shown = pageView + (await gzipOfPacked(dir, peer.survey));
      rows.push([peer.label, shown, ratio(shown, surveyShown.budget), ratio(shown, surveyShown.target)]);
      peerRows.push([peer.label, pageView, shown]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log("\n| what a visitor downloads | gzip -9 (B) | of budget | of target |\n|---|---:|---:|---:|");
for (const [what, bytes, budget, target] of rows) console.log(`| ${what} | ${bytes} | ${budget} | ${target} |`);
console.log(
  `\nBudgets: page view ${pageView.budget / KB} KB (target ${pageView.target / KB} KB), survey shown ${surveyShown.budget / KB} KB (target ${surveyShown.target / KB} KB).`,
);

if (peerRows.length) {
  const times = (ours, theirs) => (theirs ? `${(theirs / ours).toFixed(1)}× smaller` : "n/a");
  console.log(
    "\n| peer | page view (B) | npskit vs peer | survey shown (B) | npskit vs peer |\n|---|---:|---:|---:|---:|",
  );
  for (const [label, pageView, shown] of peerRows)
    console.log(
      `| ${label} | ${pageView || "n/a"} | ${times(ours.pageView.total, pageView)} | ${shown} | ${times(ours.surveyShown.total, shown)} |`,
    );
}
