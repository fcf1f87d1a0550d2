// Measures what a visitor downloads, in real Chromium: loads the script-tag example through the
// shared test server and sums gzip -9 of every JS file served, for a page view that shows nothing
// and for one that shows a survey. The snippet travels inside the page's HTML: it is reported on
// its own. Used by scripts/size.mjs (budgets) and scripts/bench/size-compare.mjs.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const DIST = `${ROOT}packages/browser/dist/`;

export const gzip9 = (data) => gzipSync(data, { level: 9 }).length;

const KB = 1024;
/** The budgets `npm test` enforces (scripts/size.mjs) and their targets, by measure() key. */
export const BUDGETS = {
  pageView: { name: "page view, no survey shown", budget: 14 * KB, target: 8 * KB },
  surveyShown: { name: "page view showing a survey", budget: 26 * KB, target: 18 * KB },
};

/** The e2e helpers are TypeScript; compile them two levels below the root so their paths still hold. */
export async function importSupport(name) {
  const source = readFileSync(`${ROOT}e2e/support/${name}.ts`, "utf8");
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
  });
  mkdirSync(`${ROOT}.bench/support`, { recursive: true });
  const file = `${ROOT}.bench/support/${name}.mjs`;
  writeFileSync(file, outputText);
  return import(file);
}

/** gzip -9 bytes of everything served as JavaScript so far (a file served twice counts twice). */
function servedJs(server) {
  let total = 0;
  const files = {};
  for (const [path, bytes] of server.jsBytes) {
    const data = readFileSync(ROOT + path.slice(1));
    const size = gzip9(data) * Math.round(bytes / data.length);
    files[path] = size;
    total += size;
  }
  return { total, files };
}

export async function measure() {
  const [{ startServer }, { launchChromium }] = await Promise.all([importSupport("server"), importSupport("chromium")]);
  const [server, browser] = await Promise.all([startServer(), launchChromium()]);
  try {
    const snippet = gzip9(readFileSync(`${DIST}snippet.min.js`));
    const page = await browser.newPage();
    await page.goto(`${server.url}/examples/script-tag/index.html?user=size-${Date.now()}`);
    await page.evaluate(() => new Promise((resolve) => window.npskit.on("ready", resolve)));
    await page.waitForTimeout(1000); // anything lazy that would load on a quiet page view has had its chance
    const pageView = servedJs(server);
    await page.getByRole("button", { name: "Complete checkout" }).click();
    await page.getByRole("dialog").waitFor({ timeout: 10_000 });
    const surveyShown = servedJs(server);
    return { snippet, snippetRaw: readFileSync(`${DIST}snippet.min.js`).length, pageView, surveyShown };
  } finally {
    await browser.close();
    await server.close();
  }
}
