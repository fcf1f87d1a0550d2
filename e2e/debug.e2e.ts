// Debug mode in a real browser: the README's Quick start, pasted as is, shows its survey and says
// so; `?npskit_debug=1` explains a survey that does not show; without it nothing is said and the
// debug chunk is never downloaded.
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import type { Page } from "@npskit/test-support/chromium";
import { poll, useBrowserAndServer } from "@npskit/test-support/journey";
import { checkoutConfig, hostPage } from "@npskit/test-support/host-page";

const env = useBrowserAndServer({ freshContext: true });
const DEBUG_CHUNK = "/packages/browser/dist/npskit-debug.js";

/** The page's own calls in the README's Quick start (its third <script>). */
function quickStartCalls(): string {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const html = /## Quick start\s+```html\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
  const calls = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)]
    .map((m) => m[1]!)
    .find((s) => s.includes("npskit.init"));
  if (!calls) throw new Error("README.md has no Quick start calling npskit.init");
  return calls;
}

/** The console lines npskit writes (they all start "[npskit]"). */
function npskitConsole(page: Page): string[] {
  const lines: string[] = [];
  page.on("console", (m) => m.text().startsWith("[npskit]") && lines.push(m.text()));
  return lines;
}

test("the README's Quick start shows its survey, and debug mode says so", async () => {
  env.server.page("/t/quick-start.html", hostPage({ calls: quickStartCalls() }));
  const page = await env.context.newPage();
  const lines = npskitConsole(page);
  await page.goto(`${env.server.url}/t/quick-start.html`);
  await poll(() => page.getByRole("dialog").count()).toBe(1);
  await poll(() => lines).toContain("[npskit] nps-q4: shown");
});

test("?npskit_debug=1 says why a survey is not shown; without it, nothing is said or downloaded", async () => {
  env.server.page(
    "/t/sampled-out.html",
    hostPage({
      config: checkoutConfig("/collect", { audience: { sample: 0.25 } }),
      calls: `npskit.identify("user-42"); npskit.track("checkout"); window.explained = npskit.explain("nps-q4");`,
    }),
  );
  const quiet = await env.context.newPage();
  const quietLines = npskitConsole(quiet);
  await quiet.goto(`${env.server.url}/t/sampled-out.html`);
  expect(await quiet.evaluate(() => (window as any).explained)).toMatchObject({ eligible: false }); // decided by now
  expect(quietLines).toEqual([]);
  expect(env.server.jsBytes.has(DEBUG_CHUNK)).toBe(false);

  const page = await env.context.newPage();
  const lines = npskitConsole(page);
  await page.goto(`${env.server.url}/t/sampled-out.html?npskit_debug=1`);
  await poll(() => lines).toEqual([
    "[npskit] nps-q4: not shown — sampled out (bucket 0.77 ≥ sample 0.25); force it with npskit.show('nps-q4', { force: true })",
  ]);
  expect(env.server.jsBytes.has(DEBUG_CHUNK)).toBe(true);
  expect(await page.getByRole("dialog").count()).toBe(0);
});
