import { describe, expect, it } from "vitest";
import { responseSchema } from "./response.js";
import { makeResponse } from "./response.test-data.js";
import { wireAttributes } from "./wire-limits.js";

describe("wireAttributes", () => {
  it("keeps scalars as they are and leaves objects and lists out (they are for targeting only)", () => {
    expect(wireAttributes({ plan: "pro", ltv: 1200.5, beta: true, team: null, roles: ["admin"], address: { city: "Oslo" } })).toEqual({
      attributes: { plan: "pro", ltv: 1200.5, beta: true, team: null },
      problems: [],
    });
  });

  it("never produces what the response schema rejects, and says what it left out or cut", () => {
    const many = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`key-${String(i).padStart(2, "0")}`, i]));
    const { attributes, problems } = wireAttributes({ ["k".repeat(65)]: 1, note: "n".repeat(600), ...many });
    expect(Object.keys(attributes)).toHaveLength(50);
    expect(attributes.note).toBe("n".repeat(500));
    expect(attributes["key-48"]).toBe(48);
    expect(attributes["key-49"]).toBeUndefined();
    expect(problems[0]).toBe(`attribute "kkkkkkkkkkkkkkkkkkkk…" not sent: names are 1 to 64 characters`);
    expect(problems[1]).toBe('attribute "note" cut to 500 characters');
    expect(problems.slice(2)).toHaveLength(11);
    expect(problems[2]).toBe('attribute "key-49" not sent: at most 50 attributes are sent');
    expect(responseSchema.safeParse(makeResponse(9, { attributes })).success).toBe(true);
  });
});
