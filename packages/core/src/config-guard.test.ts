import { afterEach, describe, expect, it } from "vitest";
import { guardConfig } from "./config-guard.js";
import { VALID_CONFIGS } from "./config-corpus.test-data.js";

const survey = { id: "nps-q4", trigger: { event: "checkout" } };

describe("guardConfig", () => {
  it("names the first field of the wrong type, the way validateConfig writes paths", () => {
    expect(guardConfig("x")).toEqual({ ok: false, path: "config" });
    expect(guardConfig({ endpoint: 5 })).toEqual({ ok: false, path: "endpoint" });
    expect(guardConfig({ endpoint: "/c", surveys: [survey, { id: 7 }] })).toEqual({ ok: false, path: "surveys[1].id" });
    expect(guardConfig({ endpoint: "/c", surveys: [{ ...survey, audience: { urls: { include: "/app" } } }] })).toEqual({
      ok: false,
      path: "surveys[0].audience.urls.include",
    });
    expect(guardConfig({ endpoint: "/c", headers: "x-api-key: 1" })).toEqual({ ok: false, path: "headers" });
    expect(guardConfig({ surveys: [survey] })).toEqual({ ok: false, path: "endpoint" });
    expect(guardConfig({ endpoint: "/c", transport: "fetch" })).toEqual({ ok: false, path: "transport" });
  });

  it("gives every default object its own copy", () => {
    const a = guardConfig({ endpoint: "/c", surveys: [survey, { id: "b" }] });
    if (!a.ok) throw new Error("expected ok");
    a.config.surveys[0]!.audience.urls.exclude.push("/x");
    expect(a.config.surveys[1]!.audience.urls.exclude).toEqual([]);
  });

  it("never throws, even on a getter that throws", () => {
    const hostile = Object.defineProperty({ endpoint: "/c" }, "surveys", {
      enumerable: true,
      get() {
        throw new Error("no");
      },
    });
    expect(guardConfig(hostile)).toEqual({ ok: false, path: "config" });
  });
});

// Pages that load npskit after their own code: Prototype.js 1.6 defined Array#toJSON (returning a
// JSON string), some apps add enumerable methods to Object.prototype or replace JSON.stringify.
describe("guardConfig on a page with hostile globals", () => {
  const restore: Array<() => void> = [];
  afterEach(() => {
    for (const undo of restore.splice(0)) undo();
  });
  const clean = guardConfig(VALID_CONFIGS["contract example"]);

  it("copies structurally: toJSON, Object.prototype additions and a replaced JSON.stringify change nothing", () => {
    const stringify = JSON.stringify;
    (Array.prototype as any).toJSON = function () {
      return stringify(this.join(","));
    };
    (Object.prototype as any).exclude = ["/everything"];
    (Object.prototype as any).each = () => {};
    JSON.stringify = () => "not json";
    restore.push(() => {
      delete (Array.prototype as any).toJSON;
      delete (Object.prototype as any).exclude;
      delete (Object.prototype as any).each;
      JSON.stringify = stringify;
    });
    const guarded = guardConfig(VALID_CONFIGS["contract example"]);
    const minimal = guardConfig({ endpoint: "/c", surveys: [{ id: "a", audience: {} }] });
    restore.splice(0).forEach((undo) => undo());
    expect(guarded).toEqual(clean);
    expect(minimal.ok && minimal.config.surveys[0]!.audience.urls).toEqual({ exclude: [] });
  });
});
