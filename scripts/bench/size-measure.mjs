// Measures what a visitor downloads, in real Chromium: loads the script-tag example through the
// shared test server and sums gzip -9 (and Brotli, quality 11) of every JS file served, for a page
// that shows a survey, one whose survey is answered and delivered, and a page view of a visitor
// who cannot be asked there (the same person on the next page: answered today). The delivery chunk starts loading once the UI chunk has arrived, beside the
// survey's first render: it is held until the survey is visible, so "shown" is what the survey
// needs to appear and "answered" adds delivery. The snippet travels inside the page's HTML: it
// is reported on its own. Used by scripts/size.mjs (budgets) and scripts/bench/size-compare.mjs.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const DIST = `${ROOT}packages/browser/dist/`;

export const gzip9 = (data) => gzipSync(data, { level: 9 }).length;
export const brotli = (data) => brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

const KB = 1024;
/** The budgets `npm test` enforces (scripts/size.mjs) and their targets, by measure() key. */
export const BUDGETS = {
  pageView: { name: "page view, no survey shown", budget: 8 * KB, target: 6 * KB },
  surveyShown: { name: "page view showing a survey", budget: 18 * KB, target: 15 * KB },
  answered: { name: "survey answered and delivered", budget: 22 * KB },
};

/** The e2e helpers are TypeScript; compile them three levels below the root so their paths still hold. */
export async function importSupport(name) {
  const source = readFileSync(`${ROOT}packages/test-support/src/${name}.ts`, "utf8");
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
  });
  mkdirSync(`${ROOT}.bench/test-support/src`, { recursive: true });
  const file = `${ROOT}.bench/test-support/src/${name}.mjs`;
  writeFileSync(file, outputText);
  return import(file);
}

/** gzip -9 (and Brotli) bytes of everything served as JavaScript so far (a file served twice counts twice). */
function servedJs(server) {
  let total = 0;
  let br = 0;
  const files = {};
  for (const [path, bytes] of server.jsBytes) {
    const data = readFileSync(ROOT + path.slice(1));
    const times = Math.round(bytes / data.length);
    const size = gzip9(data) * times;
    files[path] = size;
    total += size;
    br += brotli(data) * times;
  }
  return { total, brotli: br, files };
}

async function waitFor(condition, ms = 10_000) {
  for (const end = Date.now() + ms; !(await condition()); ) {
    if (Date.now() > end) throw new Error("timed out waiting for the answer to be delivered");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** In the page: whether IndexedDB holds no queued response (the client's "npskit:q:" keys). */
const outboxEmpty = () =>
  new Promise((resolve) => {
    const open = indexedDB.open("npskit");
    open.onsuccess = () => {
      const keys = open.result.transaction("kv").objectStore("kv").getAllKeys();
      keys.onsuccess = () => resolve(!keys.result.some((k) => String(k).startsWith("npskit:q:")));
      keys.onerror = () => resolve(false);
    };
    open.onerror = () => resolve(false);
  });

export async function measure() {
  const [{ startServer }, { launchChromium }] = await Promise.all([importSupport("server"), importSupport("chromium")]);
  const [server, browser] = await Promise.all([startServer(), launchChromium()]);
  try {
    const snippet = gzip9(readFileSync(`${DIST}snippet.min.js`));
    const page = await browser.newPage();
    /** @type {() => void} */
    let release = () => {};
    const shown = new Promise((resolve) => (release = () => resolve(undefined)));
    await page.route("**/npskit-send.js", async (route) => {
      await shown;
      await route.continue();
    });
    const url = `${server.url}/examples/script-tag/index.html?user=size-${Date.now()}&endpoint=/collect`;
    const ready = () => page.evaluate(() => new Promise((resolve) => window.npskit.on("ready", resolve)));
    // A visitor the checkout survey may ask: the UI chunk arrives at idle, before the click.
    await page.goto(url);
    await ready();
    await page.getByRole("button", { name: "Complete checkout" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor({ timeout: 10_000 });
    const surveyShown = servedJs(server);
    release();
    await dialog
      .getByRole("radio", { name: /^9\b/ })
      .or(dialog.getByRole("button", { name: /^9\b/ }))
      .first()
      .click();
    // The display's own record comes first; wait for the answer, then for an empty outbox, so
    // the next page has nothing left to deliver.
    await waitFor(() => server.received.some((r) => r.body?.score === 9));
    await waitFor(() => page.evaluate(outboxEmpty));
    const answered = servedJs(server);
    // The same person on the next page: answered today, so nothing can be asked here.
    server.jsBytes.clear();
    await page.goto(url);
    await ready();
    await page.waitForTimeout(1000); // anything lazy that would load on a quiet page view has had its chance
    const pageView = servedJs(server);
    return { snippet, snippetRaw: readFileSync(`${DIST}snippet.min.js`).length, pageView, surveyShown, answered };
  } finally {
    await browser.close();
    await server.close();
  }
}
