import { describe, expect, it } from "vitest";
import { t95, wilson } from "./interval.js";

describe("t95", () => {
  it("reads the table up to 30 degrees of freedom and approaches z above", () => {
    expect([t95(1), t95(9), t95(30)]).toEqual([12.706, 2.262, 2.042]);
    // Published quantiles: 2.021 (40), 2.000 (60), 1.984 (100), 1.962 (1000).
    expect([t95(40), t95(60), t95(100), t95(1000)].map((t) => Number(t.toFixed(3)))).toEqual([
      2.021, 2.0, 1.984, 1.962,
    ]);
  });
});

describe("wilson", () => {
  it("matches a hand-computed interval and stays inside 0..1", () => {
    // 8 of 10: center (0.8 + 0.192) / 1.384 = 0.717, half 1.96 × √(0.016 + 0.0096) / 1.384 = 0.227
    const { low, high } = wilson(8, 10);
    expect([low.toFixed(3), high.toFixed(3)]).toEqual(["0.490", "0.943"]);
    expect(wilson(0, 5).low).toBe(0);
    expect(wilson(5, 5).high).toBe(1);
    expect(wilson(1, 1).low).toBeGreaterThan(0.2);
  });
});
