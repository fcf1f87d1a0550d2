import { describe, expect, it } from "vitest";
import { responseSchema } from "./response.js";
import { makeResponse } from "@npskit/test-support/responses";
import { wireAttributes } from "./wire-limits.js";

describe("wireAttributes", () => {
  it("keeps scalars as they are and leaves objects and lists out (they are for targeting only)", () => {
    const attributes = {
      plan: "pro",
      ltv: 1200.5,
      beta: true,
      team: null,
      roles: ["admin"],
      address: { city: "Oslo" },
    };
    expect(wireAttributes(attributes)).toEqual({ plan: "pro", ltv: 1200.5, beta: true, team: null });
  });

  it("never produces what the response schema rejects: the first 50 names of 1 to 64 characters, text cut to 500", () => {
    const many = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`key-${String(i).padStart(2, "0")}`, i]));
    const attributes = wireAttributes({ ["k".repeat(65)]: 1, "": 0, note: "n".repeat(600), ...many });
    expect(Object.keys(attributes)).toHaveLength(50);
    expect(attributes.note).toBe("n".repeat(500));
    expect(attributes["key-48"]).toBe(48);
    expect(attributes["key-49"]).toBeUndefined();
    expect(Object.keys(attributes).filter((key) => !key || key.length > 64)).toEqual([]);
    expect(responseSchema.safeParse(makeResponse(9, { attributes })).success).toBe(true);
  });

  it("cuts text before a character it would split (an emoji is two UTF-16 units)", () => {
    const { split, whole } = wireAttributes({ split: `${"x".repeat(499)}👍y`, whole: `${"x".repeat(498)}👍y` });
    expect(split).toBe("x".repeat(499));
    expect(whole).toBe(`${"x".repeat(498)}👍`);
  });
});
