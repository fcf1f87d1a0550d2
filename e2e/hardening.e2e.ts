// What a hostile or strict host page cannot break: page CSS, a strict CSP, accessibility,
// keyboard-only use, and survey text that looks like HTML.
import { expect, test } from "vitest";
import { fileURLToPath } from "node:url";
import { watchPage } from "@npskit/test-support/chromium";
import { poll, useBrowserAndServer } from "@npskit/test-support/journey";
import { checkoutConfig, hostPage, LOADER, SNIPPET_FILE } from "@npskit/test-support/host-page";

const AXE = fileURLToPath(new URL("../node_modules/axe-core/axe.min.js", import.meta.url));
const env = useBrowserAndServer({ freshContext: true });

const forceShow = `npskit.show("nps-q4", { force: true });`;

test("hostile page CSS neither breaks the survey nor is changed by it", async () => {
  const hostile = `<style>
    * { all: unset !important; font-size: 40px !important; color: red !important; }
    button, textarea, [role] { display: none !important; visibility: hidden !important; }
    body > * { position: absolute !important; top: 0 !important; left: 0 !important; opacity: .2 !important; }
  </style>`;
  env.server.page(
    "/t/hostile.html",
    hostPage({ head: hostile, config: checkoutConfig("/collect"), body: `<button id="own">Page button</button>` }),
  );
  const page = await env.context.newPage();
  await page.goto(`${env.server.url}/t/hostile.html`);
  const pageButton = () =>
    page
      .locator("#own")
      .evaluate(
        (el) =>
          getComputedStyle(el).cssText || JSON.stringify([getComputedStyle(el).fontSize, getComputedStyle(el).display]),
      );
  const before = await pageButton();
  await page.evaluate(() => (window as any).npskit.show("nps-q4", { force: true }));
  const dialog = page.getByRole("dialog");
  await poll(() => dialog.isVisible()).toBe(true);
  await dialog.getByRole("button", { name: /^7(,|$)/ }).click();
  await poll(() => dialog.getByRole("textbox").isVisible()).toBe(true);
  expect(await pageButton()).toBe(before);
  await poll(() => env.server.received.filter((r) => (r.body as any).status === "answered").length).toBe(1);
});

test("works under a strict CSP (script-src 'self'; style-src 'self') with the snippet served as a file", async () => {
  const csp = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'";
  env.server.page("/t/csp-init.js", {
    type: "text/javascript",
    body: `npskit.init(${JSON.stringify(checkoutConfig("/collect"))}); npskit.track("checkout");`,
  });
  env.server.page("/t/csp.html", {
    headers: { "content-security-policy": csp },
    body: `<!doctype html><html lang="en"><head><title>csp</title>
      <script src="${SNIPPET_FILE}"></script><script async src="${LOADER}"></script><script src="/t/csp-init.js"></script>
      </head><body><main><h1>Strict</h1></main></body></html>`,
  });
  const page = await env.context.newPage();
  const watch = watchPage(page);
  await page.addInitScript(() => {
    (window as any).violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as any).violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(`${env.server.url}/t/csp.html`);
  const dialog = page.getByRole("dialog");
  await poll(() => dialog.isVisible()).toBe(true);
  // The stylesheet applied: the card is laid out as a fixed panel, not as unstyled inline text.
  expect(
    await page
      .locator("npskit-survey")
      .evaluate((host) => getComputedStyle(host.shadowRoot!.querySelector("[role=dialog]")!).position),
  ).toBe("fixed");
  await dialog.getByRole("button", { name: /^8(,|$)/ }).click();
  await poll(() => env.server.received.filter((r) => (r.body as any).status === "answered").length).toBe(1);
  expect(await page.evaluate(() => (window as any).violations)).toEqual([]);
  expect(watch.consoleErrors).toEqual([]);
});

test("works under a nonce-based CSP: the lazily imported chunks inherit the loader's nonce", async () => {
  const csp = "script-src 'nonce-n0nc3'; style-src 'self'; connect-src 'self'";
  env.server.page("/t/nonce-init.js", {
    type: "text/javascript",
    body: `npskit.init(${JSON.stringify(checkoutConfig("/collect"))}); npskit.show("nps-q4", { force: true });`,
  });
  env.server.page("/t/nonce.html", {
    headers: { "content-security-policy": csp },
    body: `<!doctype html><html lang="en"><head><title>nonce</title>
      <script nonce="n0nc3" src="${SNIPPET_FILE}"></script><script nonce="n0nc3" async src="${LOADER}"></script>
      <script nonce="n0nc3" src="/t/nonce-init.js"></script></head><body><main><h1>Nonce</h1></main></body></html>`,
  });
  const page = await env.context.newPage();
  const watch = watchPage(page);
  await page.goto(`${env.server.url}/t/nonce.html`);
  await poll(() => page.getByRole("dialog").count()).toBe(1);
  expect(watch.consoleErrors.filter((e) => /Content Security Policy|npskit/.test(e))).toEqual([]);
});

test("zero axe-core violations, on the question and on the follow-up", async () => {
  env.server.page("/t/axe.html", hostPage({ config: checkoutConfig("/collect"), calls: forceShow }));
  const page = await env.context.newPage();
  await page.goto(`${env.server.url}/t/axe.html`);
  await poll(() => page.getByRole("dialog").isVisible()).toBe(true);
  await page.addScriptTag({ path: AXE });
  const audit = () =>
    page.evaluate(async () =>
      (await (window as any).axe.run("npskit-survey")).violations.map((v: any) => `${v.id}: ${v.help}`),
    );
  expect(await audit()).toEqual([]);
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /^4(,|$)/ })
    .click();
  await poll(() => page.getByRole("textbox").isVisible()).toBe(true);
  expect(await audit()).toEqual([]);
});

test("keyboard only: pick, comment, send; and Escape dismisses", async () => {
  env.server.page(
    "/t/keys.html",
    hostPage({
      config: checkoutConfig("/collect"),
      calls: `window.events = []; ["shown", "answered", "completed", "dismissed"].forEach((n) => npskit.on(n, () => events.push(n)));`,
      body: `<button id="start">Start</button>`,
    }),
  );
  const page = await env.context.newPage();
  await page.goto(`${env.server.url}/t/keys.html`);
  await page.focus("#start");
  await page.evaluate(() => (window as any).npskit.track("checkout"));
  // "shown" comes once the dialog has taken focus (a task after its first render), as a person sees it.
  await poll(() => page.evaluate(() => (window as any).events.join())).toBe("shown");
  const focused = () =>
    page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el?.getAttribute("aria-label") ?? el?.tagName.toLowerCase();
    });
  await page.keyboard.press("Tab"); // into the scale: one tab stop
  expect(await focused()).toBe("0, Not at all likely");
  await page.keyboard.press("End"); // the last score: 10
  await page.keyboard.press("Enter");
  await poll(() => page.getByRole("textbox").isVisible()).toBe(true);
  expect(await focused()).toBe("textarea"); // focus moved on to the follow-up
  await page.keyboard.type("All by keyboard");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await poll(() => env.server.received.filter((r) => (r.body as any).complete).length).toBe(1);
  expect(env.server.received.at(-1)!.body).toMatchObject({ score: 10, comment: "All by keyboard" });
  expect(await page.evaluate(() => (window as any).events)).toEqual(["shown", "answered", "completed"]);

  await page.evaluate(() => (window as any).npskit.show("nps-q4", { force: true }));
  await poll(() => page.evaluate(() => (window as any).events.length)).toBe(4); // shown again: focus is in it
  await page.keyboard.press("Escape");
  await poll(() => page.evaluate(() => (window as any).events.at(-1))).toBe("dismissed");
});

test("survey texts that look like HTML are shown literally and never run", async () => {
  const xss = `<img src=x onerror="window.pwned=1">"'</script><b>bold</b>`;
  const config = checkoutConfig("/collect", {
    question: `Q ${xss}`,
    followUp: { promoter: `P ${xss}`, passive: `M ${xss}`, detractor: `D ${xss}` },
    thankYou: `T ${xss}`,
  });
  env.server.page("/t/xss.html", hostPage({ config: { ...config, product: xss }, calls: forceShow }));
  const page = await env.context.newPage();
  const watch = watchPage(page);
  await page.goto(`${env.server.url}/t/xss.html`);
  const dialog = page.getByRole("dialog");
  await poll(() => dialog.isVisible()).toBe(true);
  expect(await dialog.textContent()).toContain(`Q ${xss}`);
  await dialog.getByRole("button", { name: /^2(,|$)/ }).click();
  await poll(() => dialog.textContent()).toContain(`D ${xss}`);
  await page.getByRole("button", { name: "Send" }).click();
  await poll(() => dialog.textContent()).toContain(`T ${xss}`);
  const elements = await page
    .locator("npskit-survey")
    .evaluate((host) => host.shadowRoot!.querySelectorAll("img, b, script").length);
  expect(elements).toBe(0);
  expect(await page.evaluate(() => (window as any).pwned)).toBeUndefined();
  expect(watch.pageErrors).toEqual([]);
});

test("in a sandboxed frame, where every storage API throws, npskit starts in memory and throws nothing", async () => {
  const endpoint = `${env.server.url}/collect`;
  const calls = `npskit.on("ready", (who) => (window.readyWith = who)); npskit.on("error", (e) => (window.errors = [...(window.errors || []), e.where + ": " + e.reason]));`;
  env.server.page("/t/sandboxed-child.html", hostPage({ config: checkoutConfig(endpoint), calls }));
  // allow-scripts without allow-same-origin: an opaque origin, where localStorage and IndexedDB throw.
  env.server.page(
    "/t/sandboxed.html",
    `<!doctype html><html lang="en"><head><title>sandbox</title></head><body><iframe title="app" sandbox="allow-scripts" src="/t/sandboxed-child.html"></iframe></body></html>`,
  );
  const page = await env.context.newPage();
  const watch = watchPage(page);
  await page.goto(`${env.server.url}/t/sandboxed.html`);
  const frame = () => page.frames().find((f) => f.url().endsWith("/t/sandboxed-child.html"))!;
  await poll(() => frame()?.evaluate(() => Boolean((window as any).readyWith))).toBe(true);
  const child = frame();
  expect(
    await child.evaluate(() => {
      try {
        return typeof localStorage;
      } catch (e) {
        return (e as Error).name;
      }
    }),
  ).toBe("SecurityError");
  expect(await child.evaluate(() => (window as any).readyWith.anonymousId)).toMatch(/^[0-9a-f-]{36}$/);
  expect(await child.evaluate(() => (window as any).npskit.explain("nps-q4"))).toMatchObject({ eligible: true });
  expect(await child.evaluate(() => (window as any).errors ?? [])).toEqual([]);
  expect(watch.pageErrors).toEqual([]);
});

test("the page gains one global, window.npskit, and keeps no survey element or style after the survey", async () => {
  env.server.page("/t/globals.html", hostPage({ config: checkoutConfig("/collect") }));
  const page = await env.context.newPage();
  await page.addInitScript(() =>
    Object.defineProperty(window, "__before", { value: Object.getOwnPropertyNames(window), enumerable: false }),
  );
  await page.goto(`${env.server.url}/t/globals.html`);
  await page.evaluate(() => (window as any).npskit.show("nps-q4", { force: true }));
  const dialog = page.getByRole("dialog");
  await poll(() => dialog.isVisible()).toBe(true);
  await dialog.getByRole("button", { name: /^9(,|$)/ }).click();
  await dialog.getByRole("button", { name: "Send" }).click();
  await poll(() => env.server.received.filter((r) => (r.body as any).status === "completed").length).toBe(1);
  await dialog.getByRole("button", { name: "Close" }).click();
  await poll(() => page.locator("npskit-survey").count()).toBe(0);
  const added = await page.evaluate(() =>
    Object.getOwnPropertyNames(window).filter(
      (name) => name !== "__before" && !(window as any).__before.includes(name),
    ),
  );
  expect(added).toEqual(["npskit"]);
  expect(
    await page.evaluate(() => [
      document.styleSheets.length,
      document.adoptedStyleSheets.length,
      customElements.get("npskit-survey"),
    ]),
  ).toEqual([0, 0, undefined]);
});
