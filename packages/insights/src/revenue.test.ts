import { describe, expect, it } from "vitest";
import { makeResponse } from "@npskit/test-support/responses";
import { numericAttribute, revenueAtRisk, revenueAtRiskOf } from "./revenue.js";

const ltv = numericAttribute("ltv");

describe("revenueAtRisk", () => {
  it("sums the value over detractors, passives apart", () => {
    const sample = [
      makeResponse(3, { userId: "u1", attributes: { ltv: 100 } }),
      makeResponse(6, { userId: "u2", attributes: { ltv: "50.5" } }),
      makeResponse(0, { userId: "u3", attributes: {} }),
      makeResponse(7, { userId: "u4", attributes: { ltv: 30 } }),
      makeResponse(10, { userId: "u5", attributes: { ltv: 1000 } }),
      makeResponse(2, { userId: "u6", attributes: { ltv: "n/a" } }),
    ];
    expect(revenueAtRisk(sample, ltv)).toEqual({
      atRisk: 150.5,
      detractors: 2,
      passiveValue: 30,
      passives: 1,
      totalValue: 1180.5,
    });
  });

  it("counts a respondent once, by their latest answer", () => {
    const sample = [
      makeResponse(2, { userId: "u1", attributes: { ltv: 500 }, createdAt: "2026-01-01T00:00:00Z" }),
      makeResponse(9, { userId: "u1", attributes: { ltv: 500 }, createdAt: "2026-06-01T00:00:00Z" }),
      makeResponse(1, { anonymousId: "anon-x", attributes: { ltv: 20 } }),
    ];
    expect(revenueAtRisk(sample, ltv)).toEqual({
      atRisk: 20,
      detractors: 1,
      passiveValue: 0,
      passives: 0,
      totalValue: 520,
    });
  });

  it("is zero without answers", () => {
    expect(revenueAtRisk([], ltv)).toEqual({ atRisk: 0, detractors: 0, passiveValue: 0, passives: 0, totalValue: 0 });
  });
});

describe("numericAttribute", () => {
  it("reads numbers and decimal text, nothing else", () => {
    const read = (ltv: string | number | boolean | null) =>
      numericAttribute("ltv")(makeResponse(9, { attributes: { ltv } }));
    expect([read(12.5), read(" 40 "), read("1e2"), read("-.5"), read("+3.")]).toEqual([12.5, 40, 100, -0.5, 3]);
    expect([read("0x10"), read("Infinity"), read("1e400"), read(""), read("n/a"), read(true), read(null)]).toEqual(
      Array(7).fill(undefined),
    );
  });
});

describe("revenueAtRiskOf", () => {
  it("adds value totals per category", () => {
    const totals = [
      { category: "detractor" as const, value: 150.5, respondents: 2 },
      { category: "passive" as const, value: 30, respondents: 1 },
      { category: "promoter" as const, value: 1000, respondents: 1 },
    ];
    expect(revenueAtRiskOf(totals)).toEqual({
      atRisk: 150.5,
      detractors: 2,
      passiveValue: 30,
      passives: 1,
      totalValue: 1180.5,
    });
  });
});
