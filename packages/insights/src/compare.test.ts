import { describe, expect, it } from "vitest";
import { npsDifference } from "./compare.js";
import { npsOf } from "./summary.js";

describe("npsDifference", () => {
  it("combines the two intervals (MOVER) and calls a change only when the difference's interval excludes 0", () => {
    // 60/20/20 of 100: NPS 40 in 23.2 .. 54.5; 30/20/50: NPS −20 in −36.4 .. −2.4.
    // Low: 60 − √((40 − 23.2)² + (−2.4 + 20)²) = 60 − 24.3 = 35.7; high: 60 + √(14.5² + 16.4²) = 81.9.
    expect(npsDifference(npsOf(60, 20, 20), npsOf(30, 20, 50))).toEqual({
      delta: 60,
      low: 35.7,
      high: 81.9,
      marginOfError: 23.1,
      verdict: "up",
      significant: true,
    });
    expect(npsDifference(npsOf(30, 20, 50), npsOf(60, 20, 20))).toMatchObject({ delta: -60, verdict: "down" });
    expect(npsDifference(npsOf(45, 20, 35), npsOf(40, 20, 40))).toMatchObject({
      delta: 10,
      verdict: "unclear",
      significant: false,
    });
  });

  it("gives no verdict below the minimum number of answers in either sample", () => {
    // The report's 1 December: one 10 this month against 28 answers last month.
    const oneAnswer = npsOf(1, 0, 0);
    const lastMonth = npsOf(12, 6, 10);
    expect(npsDifference(oneAnswer, lastMonth)).toMatchObject({ verdict: "not enough answers", significant: false });
    expect(npsDifference(npsOf(90, 10, 0), npsOf(10, 10, 9))).toMatchObject({ verdict: "not enough answers" });
    expect(npsDifference(npsOf(90, 10, 0), npsOf(10, 10, 9), { minAnswers: 20 })).toMatchObject({ verdict: "up" });
    const wide = npsDifference(oneAnswer, lastMonth);
    expect(wide && wide.high - wide.low).toBeGreaterThan(150);
  });

  it("needs answers on both sides", () => {
    expect(npsDifference(npsOf(1, 0, 0), npsOf(0, 0, 0))).toBeNull();
  });
});
