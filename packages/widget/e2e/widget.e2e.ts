// The survey widget in real Chromium: isolation from hostile pages, strict CSP, axe-core, keyboard
// use (Tab alone, arrows), small screens, zoom and large fonts, focus handling and layout stability.
import { beforeAll, expect, test } from "vitest";
import { bundleForBrowser } from "@npskit/test-support/bundle";
import { watchPage, type Page } from "@npskit/test-support/chromium";
import { useBrowserAndServer } from "@npskit/test-support/journey";

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
  height?: number;
  colorScheme?: "light" | "dark";
  reducedMotion?: "reduce" | "no-preference";
}

async function open({
  hostile = false,
  width = 1024,
  height = 700,
  colorScheme = "light",
  reducedMotion = "reduce",
}: OpenOptions = {}) {
  const context = await env.browser.newContext({ viewport: { width, height }, colorScheme, reducedMotion });
  const page = await context.newPage();
  const watch = watchPage(page);
  await page.goto(`${env.server.url}/t/widget${hostile ? "-hostile" : ""}.html`);
  await page.waitForFunction(() => "widget" in window);
  return { page, watch, close: () => context.close() };
}

/** The page's root font size, as a larger default font or `html { font-size: 200% }` sets it (CSSOM, which the CSP allows). */
const setRootFont = (page: Page, size: string) =>
  page.evaluate((s) => void (document.documentElement.style.fontSize = s), size);

/** Show a survey (options as in mountSurvey, minus callbacks) and wait until it is on screen. */
async function show(page: Page, options: Record<string, unknown> = {}) {
  type Harness = { widget: { show(o: unknown): unknown; events: unknown[][] }; handle: unknown };
  const shownBefore = await page.evaluate((o) => {
    const w = window as unknown as Harness;
    w.handle = w.widget.show({ survey: { id: "s", kind: "nps" }, locale: "en", product: "Acme", ...o });
    return w.widget.events.filter(([name]) => name === "shown").length;
  }, options);
  // The survey takes focus a task after its first render, then calls onShown: keys go in after that,
  // as a person's would (pressed between the two, they reach the page).
  await page.waitForFunction(
    (before) => (window as unknown as Harness).widget.events.filter(([name]) => name === "shown").length > before,
    shownBefore,
  );
}

/** Waits until the survey is gone (after Escape, Close or the thank-you). */
const gone = (page: Page) => page.waitForFunction(() => !document.querySelector("npskit-survey"));

const events = (page: Page) =>
  page.evaluate(() => (window as unknown as { widget: { events: unknown[] } }).widget.events);
const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { widget: { violations: string[] } }).widget.violations);

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

/** What has focus inside the survey: a score or button by its name, "textbox", "dialog", or "outside". */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.querySelector("npskit-survey")?.shadowRoot?.activeElement;
    if (!el) return "outside";
    if (el.tagName === "TEXTAREA") return "textbox";
    return el.getAttribute("role") ?? el.getAttribute("aria-label") ?? el.textContent;
  });

/** WCAG 2 contrast of two computed `rgb(…)` colours. */
function contrast(a: string, b: string) {
  const luminance = (rgb: string) => {
    const [r, g, b] = rgb
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map((c) => {
        const v = +c / 255;
        return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The focused control's outline and the dialog's background behind it. */
const focusRing = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector("npskit-survey")!.shadowRoot!;
    const style = getComputedStyle(root.activeElement!);
    const background = getComputedStyle(root.querySelector("[role=dialog]")!).backgroundColor;
    return {
      style: style.outlineStyle,
      width: parseFloat(style.outlineWidth),
      color: style.outlineColor,
      offset: parseFloat(style.outlineOffset),
      background,
    };
  });

async function axeViolations(page: Page) {
  // Same-origin URL rather than inline content, so the strict CSP allows it.
  if (!(await page.evaluate(() => "axe" in window)))
    await page.addScriptTag({ url: "/node_modules/axe-core/axe.min.js" });
  return page.evaluate(async () => {
    const { violations } = await (
      window as unknown as {
        axe: { run(): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> };
      }
    ).axe.run();
    return violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
}

test("hostile page CSS cannot hide, restyle or shrink it; nothing leaks out; strict CSP is clean", async () => {
  const { page, watch, close } = await open({ hostile: true });
  const hostText = () =>
    page.$eval("#text", (p) => {
      const s = getComputedStyle(p);
      return [s.color, s.fontSize, s.fontFamily, s.display];
    });
  const before = await hostText();
  await show(page);
  const m = await measure(page);
  expect(m.onTop).toBe("npskit-survey");
  // Sizes follow the root font size when it is larger than the default (here the page's 40px),
  // like a person's larger font; the dialog is 25em wide, but never wider than the viewport.
  expect(m.fontSize).toBe("40px");
  expect(m.background).toBe("rgb(255, 255, 255)");
  expect(m.box.width).toBe(1024 - 2 * 16);
  expect(m.box.right).toBeLessThanOrEqual(1024 - 16);
  expect(m.box.bottom).toBeLessThanOrEqual(700 - 16); // in the viewport despite the transformed body
  expect(m.buttons).toHaveLength(11);
  for (const b of m.buttons) {
    expect(b.display).toBe("block");
    expect(b.width).toBeGreaterThanOrEqual(24);
    expect(b.height).toBe(2.5 * 40);
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

test("Chromium's accessibility tree (what screen readers get): the dialog, its name, the scores in order, the picked one pressed", async () => {
  const { page, close } = await open();
  await show(page, { locale: "he" });
  await page.getByRole("button", { name: "5" }).click();
  const cdp = await page.context().newCDPSession(page);
  type AXNode = {
    nodeId: string;
    childIds?: string[];
    ignored: boolean;
    role?: { value: string };
    name?: { value: string };
    properties?: Array<{ name: string; value: { value: unknown } }>;
  };
  const { nodes } = (await cdp.send("Accessibility.getFullAXTree")) as { nodes: AXNode[] };
  // In tree order (depth first from the root), which is the order a screen reader reads in.
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const inOrder: AXNode[] = [];
  const walk = (n: AXNode | undefined): void => {
    if (!n) return;
    inOrder.push(n);
    for (const id of n.childIds ?? []) walk(byId.get(id));
  };
  walk(nodes[0]);
  const visible = inOrder.filter((n) => !n.ignored);
  const named = (role: string) => visible.filter((n) => n.role?.value === role).map((n) => n.name?.value);
  expect(named("dialog")).toEqual(["עד כמה סביר שתמליצו על Acme לחבר או לעמית?"]);
  // The page's button, then 0–10 (both rows of a narrow screen), Send and Close.
  const scale = ["0, בכלל לא סביר", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10, סביר מאוד"];
  expect(named("button").slice(0, 12)).toEqual(["Open settings", ...scale]);
  expect(named("button")).toHaveLength(14);
  expect(named("button").at(-1)).toBe("סגירה");
  const pressed = visible
    .filter((n) => n.role?.value === "button" && scale.includes(n.name!.value))
    .map((n) => n.properties?.find((p) => p.name === "pressed")?.value.value);
  expect(pressed).toEqual(scale.map((name) => (name === "5" ? "true" : "false")));
  await close();
});

test("keyboard only: focus moves in, arrows + Enter pick, Tab + Enter send, focus returns after the thank-you", async () => {
  const { page, close } = await open();
  await page.focus("#trigger");
  await show(page);
  expect(
    await page.evaluate(() => document.querySelector("npskit-survey")!.shadowRoot!.activeElement?.getAttribute("role")),
  ).toBe("dialog");
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
  await page.keyboard.press("Tab"); // wraps → the first score
  expect((await measure(page)).focused).toBe("0");
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => !document.querySelector("npskit-survey"));
  expect(await events(page)).toEqual([["shown"], ["score", 10], ["dismiss"]]);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("trigger");
  await close();
});

test("Tab and Shift+Tab alone reach every score, the comment and Send, in order; Enter picks and sends", async () => {
  const { page, close } = await open();
  await page.focus("#trigger");
  await show(page);
  const scores = ["0, Not at all likely", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10, Extremely likely"];
  const tabs = async (key: "Tab" | "Shift+Tab", times: number) => {
    const seen = [];
    for (let i = 0; i < times; i++) {
      await page.keyboard.press(key);
      seen.push(await focusedName(page));
    }
    return seen;
  };
  expect(await tabs("Tab", 12)).toEqual([...scores, "Close"]);
  // Past "0", Shift+Tab leaves the survey for the page (the dialog itself is not a tab stop).
  expect(await tabs("Shift+Tab", 12)).toEqual([...scores].reverse().concat("outside"));
  expect(await tabs("Tab", 10)).toEqual(scores.slice(0, 10));
  await page.keyboard.press("Enter"); // picks 9; the comment box takes focus
  expect(await focusedName(page)).toBe("textbox");
  await page.keyboard.type("Tab works");
  expect(await tabs("Shift+Tab", 2)).toEqual([scores[10], scores[9]]);
  expect(await tabs("Tab", 4)).toEqual([scores[10], "textbox", "Send", "Close"]);
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Enter");
  await page.getByRole("status").getByText("Thank you").waitFor();
  expect(await events(page)).toEqual([["shown"], ["score", 9], ["complete", { score: 9, comment: "Tab works" }]]);
  await close();
});

test("arrow keys on a narrow screen: across the two rows, Home/End, mirrored in RTL; Space picks", async () => {
  const { page, close } = await open({ width: 320 });
  for (const [locale, next, score] of [
    ["en", "ArrowRight", 8],
    ["he", "ArrowLeft", 7],
  ] as const) {
    await show(page, { locale });
    await page.keyboard.press("Tab");
    for (let i = 0; i < 6; i++) await page.keyboard.press(next);
    expect(await focusedName(page), locale).toBe("6"); // first of the second row
    await page.keyboard.press("ArrowUp");
    expect(await focusedName(page), locale).toBe("5"); // back to the end of the first row
    await page.keyboard.press("End");
    await page.keyboard.press("Home");
    for (let i = 0; i < score; i++) await page.keyboard.press("ArrowDown");
    expect(await focusedName(page), locale).toBe(`${score}`);
    await page.keyboard.press("Space");
    await page.keyboard.type("Arrows");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.getByRole("status").getByText(/./).waitFor();
    expect((await events(page)).at(-1), locale).toEqual(["complete", { score, comment: "Arrows" }]);
    await page.keyboard.press("Escape");
    await gone(page);
  }
  await close();
});

/** Reflow checks inside the survey: what reaches outside the viewport or scrolls sideways, target sizes, rows of the scale. */
const reflow = (page: Page) =>
  page.evaluate(() => {
    const root = document.querySelector("npskit-survey")!.shadowRoot!;
    const dialog = root.querySelector<HTMLElement>("[role=dialog]")!;
    const label = (e: Element) => `${e.tagName.toLowerCase()}.${e.className} "${e.textContent?.slice(0, 20)}"`;
    // The visually hidden live regions (.sr) are 1 px boxes by design.
    const boxes = [dialog, ...dialog.querySelectorAll("*")].filter((e) => !e.closest(".sr"));
    const outside = boxes.filter((e) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && (r.left < -0.5 || r.right > innerWidth + 0.5);
    });
    // Content wider than its box: a scrollbar, clipped or spilling text.
    const sideways = [document.documentElement, ...boxes].filter(
      (e) => e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1,
    );
    const targets = [...dialog.querySelectorAll("button, textarea")].map((e) => {
      const r = e.getBoundingClientRect();
      return { name: e.getAttribute("aria-label") ?? e.textContent ?? e.tagName, width: r.width, height: r.height };
    });
    const rows = new Map<number, string[]>();
    for (const b of root.querySelectorAll(".s button")) {
      const top = Math.round(b.getBoundingClientRect().top);
      rows.set(top, [...(rows.get(top) ?? []), b.textContent!]);
    }
    const box = dialog.getBoundingClientRect();
    return {
      outside: outside.map(label),
      sideways: sideways.map(label),
      small: targets.filter((t) => t.width < 24 || t.height < 24),
      rows: [...rows.values()],
      dialog: { left: box.left, right: box.right, top: box.top, bottom: box.bottom, width: box.width },
      fontSize: parseFloat(getComputedStyle(dialog).fontSize),
    };
  });

test("reflow: 320, 280, 195, 180 px and 400% zoom, with a 100% or 200% root font: nothing outside the viewport, nothing scrolls sideways, 24 px targets, answered", async () => {
  const { page, watch, close } = await open();
  const firstRow = ["0", "1", "2", "3", "4", "5"];
  const secondRow = ["6", "7", "8", "9", "10"];
  // 320 × 180 is a 1280 × 720 window at 400% zoom; 195 px a 390 px phone at 200% zoom.
  const viewports = [
    [320, 640],
    [280, 640],
    [195, 640],
    [180, 640],
    [320, 180],
  ] as const;
  for (const [width, height] of viewports) {
    await page.setViewportSize({ width, height });
    for (const rootFont of ["100%", "200%"]) {
      for (const locale of width === 195 ? ["en", "de", "ar"] : ["en"]) {
        const at = `${width}×${height} ${rootFont} ${locale}`;
        await setRootFont(page, rootFont);
        await show(page, { locale });
        const before = await reflow(page);
        expect(before.rows, at).toEqual([firstRow, secondRow]); // two rows, in reading order
        await page.getByRole("button", { name: /^9(,|$)/ }).click();
        await page
          .getByRole("textbox")
          .fill("Works on a small screen with a big font, even with a longwordthatneverends");
        const after = await reflow(page);
        for (const m of [before, after]) {
          expect(m.outside, at).toEqual([]);
          expect(m.sideways, at).toEqual([]);
          expect(m.small, at).toEqual([]);
          expect(m.dialog.left, at).toBeGreaterThanOrEqual(0);
          expect(m.dialog.right, at).toBeLessThanOrEqual(width);
          expect(m.dialog.top, at).toBeGreaterThanOrEqual(0);
          expect(m.dialog.bottom, at).toBeLessThanOrEqual(height);
        }
        if (width === 195 && rootFont === "200%" && locale === "en") expect(await axeViolations(page), at).toEqual([]);
        await page.locator(".snd").click(); // Send, in every language
        await page.getByRole("status").getByText(/./).waitFor();
        expect((await events(page)).at(-1), at).toEqual([
          "complete",
          { score: 9, comment: "Works on a small screen with a big font, even with a longwordthatneverends" },
        ]);
        await page.keyboard.press("Escape");
        await gone(page);
      }
    }
  }
  expect(watch.pageErrors).toEqual([]);
  await close();
});

test("sizes follow the font: a 200% root font doubles the survey (as far as the viewport allows), a 62.5% one does not shrink it", async () => {
  const { page, close } = await open();
  const size = async (rootFont: string) => {
    await setRootFont(page, rootFont);
    await show(page);
    const m = await reflow(page);
    await page.keyboard.press("Escape");
    await gone(page);
    return { font: m.fontSize, width: m.dialog.width, rows: m.rows.length };
  };
  expect(await size("100%")).toEqual({ font: 16, width: 400, rows: 1 });
  expect(await size("200%")).toEqual({ font: 32, width: 800, rows: 1 });
  expect(await size("62.5%")).toEqual({ font: 16, width: 400, rows: 1 });
  await page.setViewportSize({ width: 320, height: 700 });
  const phone = await size("200%");
  expect(phone.font).toBeGreaterThan(16); // larger, but not so large that the question is a word per line
  expect(phone.font).toBeLessThanOrEqual(0.08 * 320);
  expect(phone.rows).toBe(2);
  await close();
});

test("focus is always visible: a ring of at least 2 px and 3:1 against the dialog, on scores, the picked score, comment and Send, light and dark", async () => {
  for (const colorScheme of ["light", "dark"] as const) {
    const { page, close } = await open({ colorScheme });
    await show(page, { theme: { mode: colorScheme, accent: "#fbbf24" } });
    const expectRing = async (what: string) => {
      const ring = await focusRing(page);
      expect(ring.style, `${colorScheme} ${what}`).toBe("solid");
      expect(ring.width, `${colorScheme} ${what}`).toBeGreaterThanOrEqual(2);
      expect(ring.offset, `${colorScheme} ${what}`).toBeGreaterThanOrEqual(2); // drawn on the dialog's background
      expect(contrast(ring.color, ring.background), `${colorScheme} ${what}`).toBeGreaterThanOrEqual(3);
    };
    await page.keyboard.press("Tab");
    await expectRing("score");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await expectRing("comment");
    await page.keyboard.press("Tab");
    await expectRing("Send");
    for (let i = 0; i < 2; i++) await page.keyboard.press("Shift+Tab");
    expect(await focusedName(page)).toBe("10, Extremely likely");
    await page.keyboard.press("Home");
    await page.keyboard.press("ArrowRight");
    expect(await focusedName(page)).toBe("1");
    await expectRing("picked score");
    // Forced colors, with a system palette opposite to the survey's theme: the ring takes the
    // system's colours and still stands out, also around the picked score (which keeps its accent).
    await page.emulateMedia({ forcedColors: "active", colorScheme: colorScheme === "light" ? "dark" : "light" });
    await expectRing("picked score in forced colors");
    await page.keyboard.press("ArrowRight");
    await expectRing("score in forced colors");
    await close();
  }
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
  const layout = () =>
    page.evaluate(() =>
      [...document.querySelectorAll("main, h1, p, button")].map((e) => JSON.stringify(e.getBoundingClientRect())),
    );
  const before = await layout();
  await show(page, { theme: { position: "bottom-left" } });
  await page.getByRole("button", { name: "3" }).click();
  await page.getByRole("button", { name: "Send" }).click();
  await page.getByRole("status").getByText("Thank you").waitFor();
  expect(await layout()).toEqual(before);
  expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts)).toBe(0);
  await close();
});

test("theme: a system sans-serif font by default (not the page's serif); accent, readable text on it, radius and font from config", async () => {
  const { page, close } = await open();
  const styles = () =>
    page.evaluate(() => {
      const root = document.querySelector("npskit-survey")!.shadowRoot!;
      const picked = getComputedStyle(root.querySelector("[aria-pressed=true]") ?? root.querySelector(".s button")!);
      const dialog = getComputedStyle(root.querySelector("[role=dialog]")!);
      return {
        font: dialog.fontFamily,
        radius: dialog.borderRadius,
        background: picked.backgroundColor,
        color: picked.color,
      };
    });
  await show(page);
  expect((await styles()).font).toBe("system-ui, sans-serif");
  await page.keyboard.press("Escape");
  await show(page, { theme: { accent: "#fbbf24", radius: 4, font: "Verdana, sans-serif" } });
  await page.getByRole("button", { name: "6" }).click();
  expect(await styles()).toEqual({
    font: "Verdana, sans-serif",
    radius: "4px",
    background: "rgb(251, 191, 36)",
    color: "rgb(0, 0, 0)",
  });
  // Forced colors (e.g. Windows high contrast) would otherwise paint the picked score like the rest.
  await page.emulateMedia({ forcedColors: "active" });
  expect(await styles()).toMatchObject({ background: "rgb(251, 191, 36)", color: "rgb(0, 0, 0)" });
  await close();
});

test("the entrance animation runs only without a reduced-motion preference", async () => {
  for (const [reducedMotion, animation] of [
    ["reduce", "none"],
    ["no-preference", "in"],
  ] as const) {
    const { page, close } = await open({ reducedMotion });
    await show(page);
    expect((await measure(page)).animation).toBe(animation);
    await close();
  }
});
