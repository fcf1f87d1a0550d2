// A bundler user on Vite (real Vite from npm): examples/bundler built with `vite build`. The entry
// chunk holds the decision code only; the survey UI and delivery are chunks of their own, and the
// build prints no warning from npskit or its dependencies.
import { beforeAll, expect, test } from "vitest";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { build, createLogger, type Rollup } from "vite";
import { watchPage } from "@npskit/test-support/chromium";
import { poll, useBrowserAndServer } from "@npskit/test-support/journey";

const ROOT = fileURLToPath(new URL("../examples/bundler/", import.meta.url));
/** The app's entry chunk (its own code + npskit's page-view code, minified by Vite), gzip -9: ≈ 9.3 KB today. */
const ENTRY_BUDGET = 10 * 1024;

const env = useBrowserAndServer();
const warnings: string[] = [];
let chunks: Rollup.OutputChunk[];

beforeAll(async () => {
  const logger = createLogger("warn", { allowClearScreen: false });
  logger.warn = (message) => void warnings.push(message);
  logger.warnOnce = (message) => void warnings.push(message);
  const result = (await build({
    root: ROOT,
    configFile: false,
    base: "./",
    logLevel: "warn",
    customLogger: logger,
    build: {
      outDir: "dist-vite",
      emptyOutDir: true,
      modulePreload: { polyfill: false },
      rollupOptions: {
        input: `${ROOT}src/main.js`,
        output: { entryFileNames: "main.js", chunkFileNames: "[name]-[hash].js" },
        onwarn: (warning) => void warnings.push(warning.message),
      },
    },
  })) as Rollup.RollupOutput;
  chunks = result.output.filter((o): o is Rollup.OutputChunk => o.type === "chunk");
}, 120_000);

test("vite: no warnings; the entry chunk has neither delivery, the widget nor the validator, and fits its budget", () => {
  expect(warnings).toEqual([]);
  const entry = chunks.find((c) => c.isEntry)!;
  expect(entry.fileName).toBe("main.js");
  const lazy = chunks
    .filter((c) => !c.isEntry)
    .map((c) => c.code)
    .join("\n");
  // Markers: the client's request header, the widget's element, zod's error class.
  for (const marker of ["Idempotency-Key", "npskit-survey"]) {
    expect(entry.code, marker).not.toContain(marker);
    expect(lazy, marker).toContain(marker);
  }
  expect(entry.code).not.toMatch(/ZodError|\$ZodType/);
  expect(gzipSync(entry.code, { level: 9 }).length).toBeLessThanOrEqual(ENTRY_BUDGET);
});

test("vite: the app shows the survey from its lazy chunks and delivers the answer", async () => {
  env.server.page(
    "/t/vite.html",
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>vite app</title>
<script type="module" src="/examples/bundler/dist-vite/main.js"></script></head>
<body><main><h1>Shop</h1><button type="button" id="order">Place order</button></main></body></html>`,
  );
  const page = await env.browser.newPage();
  const watch = watchPage(page);
  await page.goto(`${env.server.url}/t/vite.html`);
  await poll(() => page.locator("body[data-npskit=ready]").count()).toBe(1);
  await page.getByRole("button", { name: "Place order" }).click();
  const dialog = page.getByRole("dialog");
  await poll(() => dialog.count()).toBe(1);
  await dialog
    .getByRole("radio", { name: /^6\b/ })
    .or(dialog.getByRole("button", { name: /^6\b/ }))
    .first()
    .click();
  await poll(() => env.server.received.map((r) => (r.body as { surveyId?: string }).surveyId)).toContain("nps-bundled");
  expect(watch.pageErrors).toEqual([]);
  await page.close();
});
