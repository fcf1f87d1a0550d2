// The survey on the smallest screens, through the published script tag: a 390 px phone at 200%
// zoom (195 CSS px) and 280 px, on pages whose root font is 200%, answered with the keyboard alone
// and delivered to the collector.
import { expect, test } from "vitest";
import { watchPage } from "@npskit/test-support/chromium";
import { poll, resetCollector, useBrowserAndServer } from "@npskit/test-support/journey";
import { checkoutConfig, hostPage } from "@npskit/test-support/host-page";

const env = useBrowserAndServer();

const collected = () =>
  env.server.received.filter((r) => r.path === "/collect").map((r) => r.body as Record<string, unknown>);
/** The states of the answer (the display's own "shown" record comes first, CONTRACT §4 status). */
const answered = () => collected().filter((r) => r.score === 9);

test.each([195, 280])(
  "%i px wide with html { font-size: 200% }: fits, nothing scrolls sideways, Tab-only answer delivered",
  async (width) => {
    env.server.page(
      `/t/reflow-${width}.html`,
      hostPage({
        head: `<meta name="viewport" content="width=device-width"><style>html{font-size:200%}</style>`,
        config: { ...checkoutConfig("/collect"), locale: "en" },
        calls: `npskit.track("checkout");`,
      }),
    );
    resetCollector(env.server);
    const context = await env.browser.newContext({ viewport: { width, height: 640 }, reducedMotion: "reduce" });
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(`${env.server.url}/t/reflow-${width}.html`);
    await poll(() => page.getByRole("dialog").count()).toBe(1);
    // Once the dialog has taken focus (a task after its first render), as a person sees it.
    await poll(() =>
      page.evaluate(() => document.querySelector("npskit-survey")?.shadowRoot?.activeElement?.getAttribute("role")),
    ).toBe("dialog");
    // Tab alone: from the dialog to "9", Enter picks it and moves to the comment, Tab to Send.
    for (let i = 0; i < 10; i++) await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await poll(() => answered().length).toBe(1);
    await page.keyboard.type("Readable on a small phone");
    const overflow = await page.evaluate(() => {
      const dialog = document.querySelector("npskit-survey")!.shadowRoot!.querySelector("[role=dialog]")!;
      const box = dialog.getBoundingClientRect();
      const wide = [document.documentElement, dialog, ...dialog.querySelectorAll("*")]
        .filter((e) => !e.closest(".sr") && e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1)
        .map((e) => e.className || e.tagName);
      return { left: box.left, right: box.right, top: box.top, bottom: box.bottom, wide };
    });
    expect(overflow.wide).toEqual([]);
    expect(overflow.left).toBeGreaterThanOrEqual(0);
    expect(overflow.right).toBeLessThanOrEqual(width);
    expect(overflow.top).toBeGreaterThanOrEqual(0);
    expect(overflow.bottom).toBeLessThanOrEqual(640);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await poll(() => answered().length).toBe(2);
    expect(answered()[1]).toMatchObject({
      surveyId: "nps-q4",
      score: 9,
      complete: true,
      comment: "Readable on a small phone",
    });
    expect(watch.pageErrors).toEqual([]);
    await context.close();
  },
);
