import { describe, expect, test, vi } from "vitest";
import { METHODS, type NpsKit, type SnippetStub } from "../api.js";
import { installStub } from "./stub.js";
import { adoptStub, isStub, replay } from "./replay.js";

function fakeSdk(log: unknown[][]): NpsKit {
  const sdk = {} as Record<string, unknown>;
  for (const m of METHODS)
    sdk[m] = (...args: unknown[]) => (
      log.push([m, ...args]),
      m === "explain"
        ? Promise.resolve({ eligible: true, reasons: [m] })
        : m === "flush"
          ? Promise.resolve()
          : undefined
    );
  return sdk as unknown as NpsKit;
}

describe("snippet stub", () => {
  test("defines every API method and records calls as [method, ...args] in order", () => {
    const win: { npskit?: SnippetStub } = {};
    installStub(win);
    const stub = win.npskit!;
    for (const m of METHODS) expect(typeof stub[m]).toBe("function");
    stub.identify("u1", { plan: "pro" });
    stub.init({ endpoint: "/collect" });
    stub.track("checkout");
    expect(stub.q.map((c) => [...c])).toEqual([
      ["identify", "u1", { plan: "pro" }],
      ["init", { endpoint: "/collect" }],
      ["track", "checkout"],
    ]);
  });

  test("leaves an existing npskit alone (the real SDK, or a second snippet)", () => {
    const existing = { init: () => {} };
    const win: { npskit?: unknown } = { npskit: existing };
    installStub(win);
    expect(win.npskit).toBe(existing);
  });

  test("explain and flush return promises; other methods return nothing", () => {
    const win: { npskit?: SnippetStub } = {};
    installStub(win);
    expect(win.npskit!.explain("nps")).toBeInstanceOf(Promise);
    expect(win.npskit!.flush()).toBeInstanceOf(Promise);
    expect(win.npskit!.track("x")).toBeUndefined();
  });
});

describe("replay", () => {
  test("replays calls made before init in their original order, including those before init", async () => {
    const win: { npskit?: SnippetStub } = {};
    installStub(win);
    const stub = win.npskit!;
    stub.identify("u1");
    stub.track("early");
    stub.init({ endpoint: "/c" });
    stub.page();
    const log: unknown[][] = [];
    replay(stub.q, fakeSdk(log));
    expect(log).toEqual([["identify", "u1"], ["track", "early"], ["init", { endpoint: "/c" }], ["page"]]);
  });

  test("promises handed out by the stub settle with the real results", async () => {
    const win: { npskit?: SnippetStub } = {};
    installStub(win);
    const explained = win.npskit!.explain("nps-q4");
    const flushed = win.npskit!.flush();
    adoptStub(win.npskit!, fakeSdk([]));
    await expect(explained).resolves.toEqual({ eligible: true, reasons: ["explain"] });
    await expect(flushed).resolves.toBeUndefined();
  });

  test("after adoption the stub forwards to the SDK and its buffer is empty", () => {
    const win: { npskit?: SnippetStub } = {};
    installStub(win);
    const stub = win.npskit!;
    stub.track("before");
    const log: unknown[][] = [];
    adoptStub(stub, fakeSdk(log));
    stub.track("after");
    expect(log).toEqual([
      ["track", "before"],
      ["track", "after"],
    ]);
    expect(stub.q).toEqual([]);
  });

  test("ignores entries that name no API method", () => {
    const sdk = fakeSdk([]);
    const spy = vi.fn();
    (sdk as unknown as Record<string, unknown>).constructor = spy;
    replay([["constructor" as never, 1] as never], sdk);
    expect(spy).not.toHaveBeenCalled();
  });

  test("isStub tells the stub from the real SDK", () => {
    const win: { npskit?: SnippetStub } = {};
    installStub(win);
    expect(isStub(win.npskit)).toBe(true);
    expect(isStub(fakeSdk([]))).toBe(false);
    expect(isStub(undefined)).toBe(false);
  });
});
