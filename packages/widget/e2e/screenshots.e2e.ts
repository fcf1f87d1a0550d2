// Regenerates docs/screenshots/widget-{light,dark,rtl,320,zoom-200}.png and widget-in-host.png (the
// script-tag example with the built bundles: run `node scripts/build.mjs` first) in real Chromium:
//   UPDATE_SCREENSHOTS=1 npx vitest run --project e2e packages/widget/e2e/screenshots.e2e.ts
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, test } from "vitest";
import { bundleForBrowser } from "@npskit/test-support/bundle";
import { useBrowserAndServer } from "@npskit/test-support/journey";

const OUT = fileURLToPath(new URL("../../../docs/screenshots/", import.meta.url));
const PAGE_CSS = `body{margin:0;font:15px/1.5 system-ui,sans-serif;background:#f1f5f9;color:#0f172a}
header{height:56px;background:#0f172a}main{display:grid;grid-template-columns:repeat(3,1fr);gap:16px;padding:24px}
section{height:140px;border-radius:12px;background:#fff;box-shadow:0 1px 2px #0001}
@media(prefers-color-scheme:dark){body{background:#020617}section{background:#0f172a}header{background:#1e293b}}
@media(max-width:600px){main{grid-template-columns:1fr}}`;

const env = useBrowserAndServer();

beforeAll(async () => {
  const script = await bundleForBrowser("packages/widget/e2e/fixture.ts", "widget-fixture");
  env.server.page("/t/app.css", { body: PAGE_CSS, type: "text/css" });
  env.server.page(
    "/t/app.html",
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>App</title>
    <link rel="stylesheet" href="/t/app.css"><script type="module" src="${script}"></script></head>
    <body><header></header><main>${"<section></section>".repeat(6)}</main></body></html>`,
  );
});

interface Shot {
  name: string;
  colorScheme: "light" | "dark";
  options: Record<string, unknown>;
  pick: string | null;
  comment?: string;
  /** CSS px; default 960 × 600. */
  viewport?: { width: number; height: number };
}

const shots: Shot[] = [
  { name: "widget-light", colorScheme: "light", options: { locale: "en" }, pick: null },
  {
    name: "widget-dark",
    colorScheme: "dark",
    options: { locale: "en" },
    pick: "9",
    comment: "Setup took two minutes.",
  },
  { name: "widget-rtl", colorScheme: "light", options: { locale: "he", product: "Acme" }, pick: null },
  // A small phone: the scale in two rows.
  {
    name: "widget-320",
    colorScheme: "light",
    options: { locale: "en" },
    pick: "8",
    comment: "Faster exports, please.",
    viewport: { width: 320, height: 568 },
  },
  // A 390 px phone at 200% zoom: 195 CSS px.
  {
    name: "widget-zoom-200",
    colorScheme: "light",
    options: { locale: "en" },
    pick: null,
    viewport: { width: 195, height: 422 },
  },
];

test.runIf(process.env.UPDATE_SCREENSHOTS)(
  "screenshots of light, dark and RTL renderings, a 320 px phone and 200% zoom",
  async () => {
    mkdirSync(OUT, { recursive: true });
    for (const shot of shots) {
      const { width, height } = shot.viewport ?? { width: 960, height: 600 };
      const context = await env.browser.newContext({
        viewport: { width, height },
        deviceScaleFactor: 2,
        colorScheme: shot.colorScheme,
        reducedMotion: "reduce",
      });
      const page = await context.newPage();
      await page.goto(`${env.server.url}/t/app.html`);
      await page.waitForFunction(() => "widget" in window);
      await page.mouse.click(8, 200); // a pointer user: no focus ring on the first score
      await page.evaluate((o) => {
        (window as unknown as { widget: { show(o: unknown): void } }).widget.show({
          survey: { id: "s", kind: "nps" },
          product: "Acme",
          ...o,
        });
      }, shot.options);
      const dialog = page.getByRole("dialog");
      await dialog.waitFor();
      if (shot.pick) {
        await page.getByRole("button", { name: shot.pick, exact: true }).click();
        if (shot.comment) await page.getByRole("textbox").fill(shot.comment);
        await page.getByRole("button", { name: "Send" }).focus();
      }
      if (shot.viewport) {
        // Phones: the whole screen.
        await page.screenshot({ path: `${OUT}${shot.name}.png` });
      } else {
        const box = (await dialog.boundingBox())!;
        const margin = 32;
        const x = Math.max(0, box.x - margin);
        const y = Math.max(0, box.y - margin);
        await page.screenshot({
          path: `${OUT}${shot.name}.png`,
          clip: {
            x,
            y,
            width: Math.min(width, box.x + box.width + margin) - x,
            height: Math.min(height, box.y + box.height + margin) - y,
          },
        });
      }
      await context.close();
    }
  },
);

test.runIf(process.env.UPDATE_SCREENSHOTS)("screenshot of the survey in the script-tag example page", async () => {
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 640 }, reducedMotion: "reduce" });
  const page = await context.newPage();
  await page.goto(`${env.server.url}/examples/script-tag/index.html`);
  await page.getByRole("button", { name: "Complete checkout" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "3", exact: true }).click();
  await page.getByRole("textbox").fill("Demo check: checkout froze twice");
  await page.screenshot({ path: `${OUT}widget-in-host.png` });
  await context.close();
});
