import { describe, expect, it } from "vitest";
import { makeResponse } from "@npskit/test-support/responses";
import { detractorsToContact, latestByRespondent } from "./respondents.js";
import { numericAttribute } from "./revenue.js";

describe("latestByRespondent", () => {
  it("keeps each respondent's latest NPS answer, users and anonymous visitors apart", () => {
    const spring = makeResponse(2, { userId: "u1", createdAt: "2026-04-01T00:00:00Z" });
    const autumn = makeResponse(10, { userId: "u1", createdAt: "2026-10-01T00:00:00Z" });
    const anon = makeResponse(5, { userId: null, anonymousId: "u1" });
    const csat = makeResponse(5, { kind: "csat", userId: "u2" });
    expect(latestByRespondent([autumn, spring, anon, csat])).toEqual([autumn, anon]);
  });
});

describe("detractorsToContact", () => {
  const ltv = numericAttribute("ltv");
  const small = makeResponse(3, { userId: "small", attributes: { ltv: 100 }, createdAt: "2026-11-01T00:00:00Z" });
  const big = makeResponse(6, { userId: "big", attributes: { ltv: 9000 }, createdAt: "2026-10-01T00:00:00Z" });
  const unknown = makeResponse(0, { userId: "unknown", createdAt: "2026-11-20T00:00:00Z" });
  const older = makeResponse(1, { userId: "older", createdAt: "2026-09-01T00:00:00Z" });
  const recovered = [
    makeResponse(2, { userId: "won-back", createdAt: "2026-01-01T00:00:00Z" }),
    makeResponse(9, { userId: "won-back", createdAt: "2026-06-01T00:00:00Z" }),
  ];

  it("lists current detractors, the most valuable first, then the most recent", () => {
    const list = detractorsToContact([small, older, unknown, big, ...recovered], { value: ltv });
    expect(list.map((d) => [d.response.userId, d.value])).toEqual([
      ["big", 9000],
      ["small", 100],
      ["unknown", undefined],
      ["older", undefined],
    ]);
  });

  it("orders by recency without a value, and honours the limit", () => {
    expect(detractorsToContact([small, older, unknown, big], { limit: 2 }).map((d) => d.response.userId)).toEqual([
      "unknown",
      "small",
    ]);
    expect(detractorsToContact([])).toEqual([]);
  });

  it("breaks ties of value and time by respondent, whatever the input order", () => {
    const tied = ["b", "a", "c"].map((userId) => makeResponse(1, { userId, createdAt: "2026-11-01T00:00:00Z" }));
    expect(detractorsToContact(tied).map((d) => d.response.userId)).toEqual(["a", "b", "c"]);
  });
});
