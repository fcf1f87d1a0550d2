// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import type { AskSurvey, LazyParts } from "../lazy-parts.js";
import { localStorageBackend } from "@npskit/core/runtime";
import { createDebugLog } from "../runtime/debug-log.js";
import { explainSurvey } from "../runtime/explanation.js";
import { createSdk } from "./instance.test-support.js";

const survey = { id: "nps-q4", kind: "nps" as const, trigger: { event: "checkout" } };
const valid = { endpoint: "/collect", surveys: [survey] };

let errors: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  localStorage.clear();
  errors = vi.spyOn(console, "error").mockImplementation(() => {});
  vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

function fakeParts() {
  const asked: string[] = [];
  const ask: AskSurvey = (s) => (asked.push(s.id), () => {});
  const client = {
    submit: vi.fn(async () => {}),
    flush: vi.fn(async () => {}),
    on: vi.fn(),
    off: vi.fn(),
    destroy: vi.fn(),
  };
  const createClient = vi.fn(() => client);
  const parts: LazyParts = {
    ui: vi.fn(async () => ({ ask, createClient: createClient as never })),
    client: vi.fn(async () => createClient as never),
    remoteConfig: vi.fn(async () => {
      throw new Error("not used");
    }),
    debug: vi.fn(async () => createDebugLog),
    explain: vi.fn(async () => explainSurvey),
    // jsdom has no IndexedDB: state falls back to localStorage, as in a browser where it fails.
    storage: async () => localStorageBackend(),
  };
  return { parts, asked, createClient };
}
const ready = (sdk: ReturnType<typeof createSdk>) => new Promise((resolve) => sdk.on("ready", resolve));

test("an invalid config logs one console.error per problem, naming its path, and stays inert", async () => {
  const { parts } = fakeParts();
  const sdk = createSdk({ parts });
  expect(() =>
    sdk.init({ endpoint: 5, surveys: [{ id: "x", kind: "nps", audience: { sample: 2 } }] } as never),
  ).not.toThrow();
  sdk.show("x", { force: true });
  expect(await sdk.explain("x")).toMatchObject({ eligible: false });
  const lines = errors.mock.calls.map((c: unknown[]) => String(c[0]));
  expect(lines).toHaveLength(2);
  expect(lines.some((l: string) => l.includes("surveys[0].audience.sample"))).toBe(true);
  expect(lines.some((l: string) => l.includes("endpoint"))).toBe(true);
  expect(parts.ui).not.toHaveBeenCalled();
});

test("every call is safe before init and after destroy", async () => {
  const { parts } = fakeParts();
  const sdk = createSdk({ parts });
  const everything = async () => {
    sdk.identify("u1", { plan: "pro" });
    sdk.track("checkout");
    sdk.page();
    sdk.show("nps-q4", { force: true });
    sdk.consent(true);
    sdk.reset();
    sdk.on("shown", () => {});
    sdk.off("shown", () => {});
    await sdk.flush();
    return sdk.explain("nps-q4");
  };
  expect((await everything()).reasons[0]).toContain("not running");
  sdk.destroy();
  sdk.init(valid);
  expect((await everything()).eligible).toBe(false);
  expect(parts.ui).not.toHaveBeenCalled();
  expect(errors).not.toHaveBeenCalled();
});

test("identify before init is applied; a late ready listener is called at once", async () => {
  const { parts } = fakeParts();
  const sdk = createSdk({ parts });
  sdk.identify("user-42", { plan: "pro" });
  sdk.init(valid);
  const first = await ready(sdk);
  expect(first).toMatchObject({ userId: "user-42", attributes: { plan: "pro" }, anonymousId: expect.any(String) });
  const late = vi.fn();
  sdk.on("ready", late);
  expect(late).toHaveBeenCalledWith(first);
  sdk.destroy();
});

test("a userHash stays beside the user id it proves: kept for that user, dropped for another and by reset()", async () => {
  const { parts } = fakeParts();
  const sdk = createSdk({ parts });
  const hash = "ab".repeat(32);
  sdk.identify("user-42", { plan: "pro" }, { userHash: hash });
  sdk.identify("user-42", { seats: 3 });
  sdk.init(valid);
  expect(await ready(sdk)).toMatchObject({ userId: "user-42", userHash: hash });
  const stored = () => JSON.parse(localStorage.getItem("npskit:state:user") ?? "{}");
  await vi.waitFor(() => expect(stored()).toMatchObject({ userId: "user-42", userHash: hash }));
  sdk.identify("user-7");
  await vi.waitFor(() => expect(stored()).toMatchObject({ userId: "user-7" }));
  expect(stored()).not.toHaveProperty("userHash");
  sdk.identify("user-7", {}, { userHash: "cd".repeat(32) });
  await vi.waitFor(() => expect(stored().userHash).toBe("cd".repeat(32)));
  sdk.reset();
  await vi.waitFor(() => expect(stored()).not.toHaveProperty("userId"));
  expect(stored()).not.toHaveProperty("userHash");
  sdk.destroy();
});

test("calls made right after init (before it finished) run in order once it has", async () => {
  const { parts, asked, createClient } = fakeParts();
  const sdk = createSdk({ parts });
  sdk.init(valid);
  sdk.track("checkout");
  await vi.waitFor(() => expect(asked).toEqual(["nps-q4"]));
  expect(createClient).toHaveBeenCalled(); // delivery is ready before the survey appears
  sdk.destroy();
});

test("explain(), or show() of an unknown id, whose words are still loading holds up no later call", async () => {
  const { parts, asked } = fakeParts();
  parts.explain = vi.fn(() => new Promise<never>(() => {})); // its chunk on a stalled network
  const sdk = createSdk({ parts });
  sdk.init(valid);
  void sdk.explain("nps-q4");
  sdk.show("removed-from-the-config");
  sdk.track("checkout");
  await vi.waitFor(() => expect(asked).toEqual(["nps-q4"]));
  sdk.destroy();
});

test("a failing call becomes an error event and one console line, never an exception", async () => {
  const { parts } = fakeParts();
  const sdk = createSdk({ parts });
  const onError = vi.fn();
  sdk.on("error", onError);
  sdk.init(valid);
  expect(() => sdk.show("no-such-survey")).not.toThrow();
  await vi.waitFor(() =>
    expect(onError).toHaveBeenCalledWith({ where: "show", reason: expect.stringContaining("no-such-survey") }),
  );
  expect(errors).toHaveBeenCalledTimes(1);
  sdk.destroy();
});

test("a throwing error listener is reported once on the console, not fed its own error again", async () => {
  const { parts } = fakeParts();
  const sdk = createSdk({ parts });
  const onError = vi.fn(() => {
    throw new Error("host bug in an error listener");
  });
  sdk.on("error", onError);
  sdk.init(valid);
  sdk.show("no-such-survey");
  await vi.waitFor(() => expect(errors).toHaveBeenCalledTimes(2));
  await new Promise((resolve) => setTimeout(resolve, 10));
  expect(onError).toHaveBeenCalledTimes(1);
  expect(errors.mock.calls.map((c: unknown[]) => String(c[0]))).toEqual([
    expect.stringContaining("no-such-survey"),
    "[npskit] event listener: host bug in an error listener",
  ]);
  sdk.destroy();
});

test("a throwing host listener is reported, not thrown", async () => {
  const { parts } = fakeParts();
  const sdk = createSdk({ parts });
  sdk.on("ready", () => {
    throw new Error("host bug");
  });
  sdk.init(valid);
  await ready(sdk);
  expect(String(errors.mock.calls[0]?.[0])).toContain("host bug");
  sdk.destroy();
});

describe("debug mode", () => {
  let info: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    info = vi.spyOn(console, "info").mockImplementation(() => {});
  });
  const lines = () => info.mock.calls.map((c: unknown[]) => String(c[0]));
  const sampled = { endpoint: "/collect", surveys: [{ ...survey, audience: { sample: 0.25 } }] };

  test("is off by default: its chunk is never loaded and nothing is logged", async () => {
    const { parts } = fakeParts();
    const sdk = createSdk({ parts });
    sdk.identify("user-42");
    sdk.init(sampled);
    sdk.track("checkout");
    await sdk.explain("nps-q4"); // runs after the track
    expect(parts.debug).not.toHaveBeenCalled();
    expect(info).not.toHaveBeenCalled();
    sdk.destroy();
  });

  test("init({ debug: true }) says, once per page view, why each survey is (not) shown", async () => {
    const { parts, asked } = fakeParts();
    const sdk = createSdk({ parts });
    sdk.identify("user-42"); // bucket 0.77 for nps-q4: outside a 25% sample
    sdk.init({ ...sampled, debug: true });
    sdk.track("checkout");
    sdk.track("checkout");
    await sdk.explain("nps-q4"); // after the page view and both events
    const sampledOut =
      "[npskit] nps-q4: not shown — sampled out (bucket 0.77 ≥ sample 0.25); force it with npskit.show('nps-q4', { force: true })";
    expect(lines()).toEqual([sampledOut]);
    sdk.page(); // a new page view says it again
    sdk.track("checkout");
    await sdk.explain("nps-q4");
    expect(lines()).toEqual([sampledOut, sampledOut]);
    expect(asked).toEqual([]);
    sdk.destroy();
  });

  test("?npskit_debug=1 in the page URL turns it on too", async () => {
    history.replaceState(null, "", "/checkout?npskit_debug=1");
    try {
      const { parts, asked } = fakeParts();
      const sdk = createSdk({ parts });
      sdk.identify("user-7"); // bucket 0.06: inside the sample
      sdk.init(sampled);
      sdk.track("checkout");
      await vi.waitFor(() => expect(asked).toEqual(["nps-q4"]));
      expect(lines()).toEqual(['[npskit] nps-q4: waits for npskit.track("checkout")', "[npskit] nps-q4: shown"]);
      sdk.destroy();
    } finally {
      history.replaceState(null, "", "/");
    }
  });

  test("another value of npskit_debug (e.g. 1.5 or 10) leaves it off", async () => {
    for (const search of ["?npskit_debug=1.5", "?npskit_debug=10"]) {
      history.replaceState(null, "", `/checkout${search}`);
      try {
        const { parts, asked } = fakeParts();
        const sdk = createSdk({ parts });
        sdk.identify("user-7");
        sdk.init(sampled);
        sdk.track("checkout");
        await vi.waitFor(() => expect(asked).toEqual(["nps-q4"]));
        expect(lines()).toEqual([]);
        sdk.destroy();
      } finally {
        history.replaceState(null, "", "/");
      }
    }
  });
});
