// The survey widget in real Chromium: isolation from hostile pages, strict CSP, axe-core, keyboard
// use, small screens, focus handling and layout stability.
import { beforeAll, expect, test } from "vitest";
import { bundleForBrowser } from "../../../e2e/support/bundle.js";
import { watchPage, type Page } from "../../../e2e/support/chromium.js";
import { useBrowserAndServer } from "../../../e2e/support/journey.js";

const CSP = "default-src 'self'; style-src 'self'; script-src 'self'";
const HOSTILE_CSS = `
* { all: unset !important; }
html { font-size: 40px !important; }
button { display: none !important; }
npskit-survey { display: none !important; opacity: 0 !important; transform: scale(0) !important; position: static !important; }
div, p, h2 { color: red !important; background: yellow !important; font-size: 40px !important; }
:root, npskit-survey { --bg: red; --fg: red; --a: red; --r: 99px; }
body { transform: translateX(0) !important; min-height: 3000px !important; display: block !important; }
`;
const HOST_CSS = "body{margin:0;font:16px/1.5 Georgia,serif;color:#222}main{padding:24px}";

const env = useBrowserAndServer();

beforeAll(async () => {
  const script = await bundleForBrowser("packages/widget/e2e/fixture.ts", "widget-fixture");
  env.server.page("/t/hostile.css", { body: HOSTILE_CSS, type: "text/css" });
  env.server.page("/t/host.css", { body: HOST_CSS, type: "text/css" });
  env.server.page("/favicon.ico", { body: "", type: "image/x-icon" });
  for (const hostile of [false, true]) {
    env.server.page(`/t/widget${hostile ? "-hostile" : ""}.html`, {
      headers: { "content-security-policy": CSP },
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host page</title>
        <link rel="stylesheet" href="/t/${hostile ? "hostile" : "host"}.css"><script type="module" src="${script}"></script></head>
        <body><main><h1>Acme dashboard</h1><p id="text">Your projects at a glance.</p>
        <button id="trigger" type="button">Open settings</button></main></body></html>`,
    });
  }
});

interface OpenOptions {
  hostile?: boolean;
  width?: number;
  colorScheme?: "light" | "dark";
  reducedMotion?: "reduce" | "no-preference";
}

async function open({ hostile = false, width = 1024, colorScheme = "light", reducedMotion = "reduce" }: OpenOptions = {}) {
  const context = await env.browser.newContext({ viewport: { width, height: 700 }, colorScheme, reducedMotion });
  const page = await context.newPage();
  const watch = watchPage(page);
  await page.goto(`${env.server.url}/t/widget${hostile ? "-hostile" : ""}.html`);
  await page.waitForFunction(() => "widget" in window);
  return { page, watch, close: () => context.close() };
}

/** Show a survey (options as in mountSurvey, minus callbacks) and wait until it is on screen. */
async function show(page: Page, options: Record<string, unknown> = {}) {
  await page.evaluate((o) => {
    const w = window as unknown as { widget: { show(o: unknown): unknown }; handle: unknown };
    w.handle = w.widget.show({ survey: { id: "s", kind: "nps" }, locale: "en", product: "Acme", ...o });
  }, options);
  await page.getByRole("dialog").waitFor();
}

const events = (page: Page) => page.evaluate(() => (window as unknown as { widget: { events: unknown[] } }).widget.events);
const violations = (page: Page) => page.evaluate(() => (window as unknown as { widget: { violations: string[] } }).widget.violations);

/** Geometry and a few computed styles from inside the widget's shadow root. */
const measure = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector("npskit-survey")!.shadowRoot!;
    const dialog = root.querySelector<HTMLElement>("[role=dialog]")!;
    const box = dialog.getBoundingClientRect();
    const style = getComputedStyle(dialog);
    const buttons = [...root.querySelectorAll(".s button")].map((b) => {
      const r = b.getBoundingClientRect();
      return { width: r.width, height: r.height, display: getComputedStyle(b).display };
    });
    const topmost = document.elementFromPoint(box.x + box.width / 2, box.y + 8);
    return {
      box: { left: box.left, right: box.right, top: box.top, bottom: box.bottom, width: box.width },
      fontSize: style.fontSize,
      background: style.backgroundColor,
      animation: style.animationName,
      buttons,
      onTop: topmost?.tagName.toLowerCase(),
      pageWidth: document.documentElement.scrollWidth,
      focused: root.activeElement?.textContent ?? null,
    };
  });

async function axeViolations(page: Page) {
  // Same-origin URL rather than inline content, so the strict CSP allows it.
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ url: "/node_modules/axe-core/axe.min.js" });
  return page.evaluate(async () => {
    const { violations } = await (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe.run();
    return violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
}

test("hostile page CSS cannot hide, restyle or shrink it; nothing leaks out; strict CSP is clean", async () => {
  const { page, watch, close } = await open({ hostile: true });
  const hostText = () => page.$eval("#text", (p) => { const s = getComputedStyle(p); return [s.color, s.fontSize, s.fontFamily, s.display]; });
  const before = await hostText();
  await show(page);
  const m = await measure(page);
  expect(m.onTop).toBe("npskit-survey");
  expect(m.fontSize).toBe("15px");
  expect(m.background).toBe("rgb(255, 255, 255)");
  expect(m.box.width).toBe(400);
  expect(m.box.right).toBeLessThanOrEqual(1024 - 16);
  expect(m.box.bottom).toBeLessThanOrEqual(700 - 16); // in the viewport despite the transformed body
  expect(m.buttons).toHaveLength(11);
  for (const b of m.buttons) {
    expect(b.display).toBe("block");
    expect(b.width).toBeGreaterThanOrEqual(24);
    expect(b.height).toBe(40);
  }
  await page.getByRole("button", { name: "9" }).click();
  await page.getByRole("textbox", { name: "What do you like most?" }).fill("Works");
  await page.getByRole("button", { name: "Send" }).click();
  await page.getByRole("status").getByText("Thank you for your feedback!").waitFor();
  expect(await events(page)).toEqual([["shown"], ["score", 9], ["complete", { score: 9, comment: "Works" }]]);
  expect(await hostText()).toEqual(before);
  expect(await violations(page)).toEqual([]);
  expect(watch.pageErrors).toEqual([]);
  expect(watch.consoleErrors).toEqual([]);
  await close();
});

test("axe-core finds no violations: light, dark, RTL, modal, follow-up and thank-you", async () => {
  for (const colorScheme of ["light", "dark"] as const) {
    const { page, close } = await open({ colorScheme });
    const states: Array<[string, Record<string, unknown>]> = [
      ["nps", {}],
      ["rtl", { locale: "he" }],
      ["modal", { theme: { position: "center", accent: "#fbbf24" } }],
      ["csat", { survey: { id: "c", kind: "csat" }, locale: "ja" }],
    ];
    for (const [name, options] of states) {
      await show(page, { theme: { mode: "auto", ...(options.theme as object) }, ...options });
      expect(await axeViolations(page), `${colorScheme} ${name}`).toEqual([]);
      await page.getByRole("button", { name: /^2\b/ }).click();
      expect(await axeViolations(page), `${colorScheme} ${name} follow-up`).toEqual([]);
      await page.getByRole("textbox").press("Escape");
      await page.waitForFunction(() => !document.querySelector("npskit-survey"));
    }
    await show(page);
    await page.getByRole("button", { name: "10, Extremely likely" }).click();
    await page.getByRole("button", { name: "Send" }).click();
    await page.getByRole("status").getByText("Thank you").waitFor();
    expect(await axeViolations(page), `${colorScheme} thank-you`).toEqual([]);
    if (colorScheme === "dark") expect((await measure(page)).background).toBe("rgb(31, 41, 55)");
    await close();
  }
});

test("Chromium's accessibility tree (what screen readers get) has the dialog, its name and the scores", async () => {
  const { page, close } = await open();
  await show(page, { locale: "he" });
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send("Accessibility.getFullAXTree")) as { nodes: Array<{ ignored: boolean; role?: { value: string }; name?: { value: string } }> };
  const named = (role: string) => nodes.filter((n) => !n.ignored && n.role?.value === role).map((n) => n.name?.value);
  expect(named("dialog")).toEqual(["עד כמה סביר שתמליצו על Acme לחבר או לעמית?"]);
  expect(named("button")).toEqual(expect.arrayContaining(["0, בכלל לא סביר", "5", "10, סביר מאוד", "סגירה"]));
  await close();
});

test("keyboard only: focus moves in, arrows + Enter pick, Tab + Enter send, focus returns after the thank-you", async () => {
  const { page, close } = await open();
  await page.focus("#trigger");
  await show(page);
  expect(await page.evaluate(() => document.querySelector("npskit-survey")!.shadowRoot!.activeElement?.getAttribute("role"))).toBe("dialog");
  await page.keyboard.press("Tab");
  expect((await measure(page)).focused).toBe("0");
  for (let i = 0; i < 9; i++) await page.keyboard.press("ArrowRight");
  expect((await measure(page)).focused).toBe("9");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Keyboard works");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await page.getByRole("status").getByText("Thank you").waitFor();
  expect(await events(page)).toEqual([["shown"], ["score", 9], ["complete", { score: 9, comment: "Keyboard works" }]]);
  await page.waitForFunction(() => !document.querySelector("npskit-survey"), undefined, { timeout: 8000 });
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("trigger");
  await close();
});

test("Space picks, Escape dismisses and gives focus back; Tab stays inside the modal", async () => {
  const { page, close } = await open();
  await page.focus("#trigger");
  await show(page, { theme: { position: "center" } });
  await page.keyboard.press("Tab");
  await page.keyboard.press("End");
  await page.keyboard.press("Space");
  await page.keyboard.press("Tab"); // → Send
  await page.keyboard.press("Tab"); // → Close
  await page.keyboard.press("Tab"); // wraps → the picked score
  expect((await measure(page)).focused).toBe("10");
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => !document.querySelector("npskit-survey"));
  expect(await events(page)).toEqual([["shown"], ["score", 10], ["dismiss"]]);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("trigger");
  await close();
});

test("320 px wide: no horizontal overflow and 24 px targets, in the longest languages too", async () => {
  const { page, close } = await open({ width: 320 });
  for (const locale of ["en", "de", "fr", "ar"]) {
    await show(page, { locale });
    await page.getByRole("button", { name: /^5\b/ }).click();
    const m = await measure(page);
    expect(m.pageWidth, locale).toBeLessThanOrEqual(320);
    expect(m.box.left).toBeGreaterThanOrEqual(0);
    expect(m.box.right).toBeLessThanOrEqual(320);
    for (const b of m.buttons) expect(b.width, locale).toBeGreaterThanOrEqual(24);
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => !document.querySelector("npskit-survey"));
  }
  await close();
});

test("showing and answering moves nothing in the host page (CLS 0)", async () => {
  const { page, close } = await open();
  await page.evaluate(() => {
    const w = window as unknown as { shifts: number };
    w.shifts = 0;
    new PerformanceObserver((list) => {
      // CLS leaves out shifts right after input (the dialog growing when a score is picked).
      for (const entry of list.getEntries() as unknown as Array<{ value: number; hadRecentInput: boolean }>) {
        if (!entry.hadRecentInput) w.shifts += entry.value;
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  // document.querySelectorAll: only the host page's elements (Playwright selectors pierce shadow roots).
  const layout = () => page.evaluate(() => [...document.querySelectorAll("main, h1, p, button")].map((e) => JSON.stringify(e.getBoundingClientRect())));
  const before = await layout();
  await show(page, { theme: { position: "bottom-left" } });
  await page.getByRole("button", { name: "3" }).click();
  await page.getByRole("button", { name: "Send" }).click();
  await page.getByRole("status").getByText("Thank you").waitFor();
  expect(await layout()).toEqual(before);
  expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts)).toBe(0);
  await close();
});

test("theme: the page's font by default; accent, readable text on it, radius and font from config", async () => {
  const { page, close } = await open();
  const styles = () =>
    page.evaluate(() => {
      const root = document.querySelector("npskit-survey")!.shadowRoot!;
      const picked = getComputedStyle(root.querySelector("[aria-pressed=true]") ?? root.querySelector(".s button")!);
      const dialog = getComputedStyle(root.querySelector("[role=dialog]")!);
      return { font: dialog.fontFamily, radius: dialog.borderRadius, background: picked.backgroundColor, color: picked.color };
    });
  await show(page);
  expect((await styles()).font).toBe("Georgia, serif");
  await page.keyboard.press("Escape");
  await show(page, { theme: { accent: "#fbbf24", radius: 4, font: "Verdana, sans-serif" } });
  await page.getByRole("button", { name: "6" }).click();
  expect(await styles()).toEqual({ font: "Verdana, sans-serif", radius: "4px", background: "rgb(251, 191, 36)", color: "rgb(0, 0, 0)" });
  // Forced colors (e.g. Windows high contrast) would otherwise paint the picked score like the rest.
  await page.emulateMedia({ forcedColors: "active" });
  expect(await styles()).toMatchObject({ background: "rgb(251, 191, 36)", color: "rgb(0, 0, 0)" });
  await close();
});

test("the entrance animation runs only without a reduced-motion preference", async () => {
  for (const [reducedMotion, animation] of [["reduce", "none"], ["no-preference", "in"]] as const) {
    const { page, close } = await open({ reducedMotion });
    await show(page);
    expect((await measure(page)).animation).toBe(animation);
    await close();
  }
});
