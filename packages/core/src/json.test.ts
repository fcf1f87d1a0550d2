import { afterEach, describe, expect, it } from "vitest";
import { toJson } from "./json.js";
import { makeResponse } from "@npskit/test-support/responses";

const stringify = JSON.stringify;
const SAMPLES: unknown[] = [
  makeResponse(9, { comment: 'Great "tool"\n', attributes: { plan: "pro", seats: 3, beta: true, none: null } }),
  {
    text: 'quote " backslash \\ newline \n tab \t nul \u0000 bell \u0007 del \u007f',
    emoji: "😀 e\u0301 日本",
    lone: "\ud800 x \udfff",
  },
  { list: [1, -0, 2.5e-7, 1e21, null, "a", true, [], {}], nested: { a: { b: [{ c: false }] } }, 'key "odd"': 1 },
  { skipped: undefined, fn: () => 1, inList: [undefined, () => 1, NaN, Infinity] },
  [],
  "plain",
  0,
  null,
];

describe("toJson", () => {
  // The same JSON value (escapes may differ in form: "\u0022" for "\"").
  it.each(SAMPLES.map((s, i) => [i, s]))("gives what JSON.stringify gives (%s)", (_i, value) => {
    expect(JSON.parse(toJson(value))).toEqual(JSON.parse(stringify(value)));
    expect(toJson(value).length).toBeGreaterThan(0);
  });

  it("escapes lone surrogates and keeps pairs", () => {
    expect(toJson("\ud800😀")).toBe('"\\ud800😀"');
  });

  describe("on a page with hostile globals", () => {
    afterEach(() => {
      delete (Array.prototype as any).toJSON;
      delete (Object.prototype as any).toJSON;
      delete (Object.prototype as any).polluted;
      JSON.stringify = stringify;
    });

    it("ignores toJSON on Array.prototype and Object.prototype, inherited keys and a replaced JSON.stringify", () => {
      const expected = SAMPLES.map((s) => toJson(s));
      (Array.prototype as any).toJSON = function () {
        return stringify(this.join(","));
      };
      (Object.prototype as any).toJSON = () => "polluted";
      (Object.prototype as any).polluted = "yes";
      JSON.stringify = () => "not json";
      const got = SAMPLES.map((s) => toJson(s));
      JSON.stringify = stringify;
      delete (Array.prototype as any).toJSON;
      delete (Object.prototype as any).toJSON;
      delete (Object.prototype as any).polluted;
      expect(got).toEqual(expected);
    });
  });
});
