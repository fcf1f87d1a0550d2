// @vitest-environment jsdom
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import type { LazyParts } from "../lazy-parts.js";
import { createSdk } from "../sdk/instance.test-support.js";

beforeEach(() => {
  localStorage.clear();
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function parts(): LazyParts {
  return {
    ui: vi.fn(async () => ({ ask: () => () => {} })),
    client: vi.fn(async () => {
      throw new Error("not used");
    }),
    remoteConfig: vi.fn(async () => {
      throw new Error("not used");
    }),
    debug: vi.fn(async () => {
      throw new Error("not used");
    }),
    explain: vi.fn(async () => {
      throw new Error("not used");
    }),
  };
}

const withSurvey = (survey: object) => ({
  endpoint: "/collect",
  surveys: [{ id: "nps-q4", trigger: { event: "checkout" }, ...survey }],
});

async function pageView(config: object): Promise<LazyParts> {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  const p = parts();
  const sdk = createSdk({ parts: p });
  sdk.init(config);
  let ready = false;
  sdk.on("ready", () => (ready = true));
  while (!ready) await vi.advanceTimersByTimeAsync(10);
  await vi.advanceTimersByTimeAsync(3100); // the decision's task, the settling delay, then idle time
  sdk.destroy();
  return p;
}

test("a visitor an event could ask gets the UI chunk at idle, before the event", async () => {
  expect((await pageView(withSurvey({}))).ui).toHaveBeenCalled();
});

test("a visitor who cannot be asked on this page never downloads it", async () => {
  expect((await pageView(withSurvey({ audience: { sample: 0 } }))).ui).not.toHaveBeenCalled();
  expect((await pageView(withSurvey({ audience: { urls: { include: ["/elsewhere"] } } }))).ui).not.toHaveBeenCalled();
  expect((await pageView({ ...withSurvey({}), requireConsent: true })).ui).not.toHaveBeenCalled();
});

test("explain() gives the same verdict when its words cannot load, each reason a rule's code", async () => {
  const sdk = createSdk({ parts: parts() }); // its explain part fails, as offline or in a sandboxed frame
  sdk.init({ ...withSurvey({ audience: { urls: { include: ["/elsewhere"] } } }), requireConsent: true });
  await new Promise((resolve) => sdk.on("ready", resolve));
  expect(await sdk.explain("nps-q4")).toEqual({ eligible: false, reasons: ["consent", "url"] });
  sdk.consent(true);
  expect(await sdk.explain("nps-q4")).toEqual({ eligible: false, reasons: ["url"] });
  expect((await sdk.explain("other")).reasons).toEqual(['no survey "other"']);
  sdk.destroy();
});
