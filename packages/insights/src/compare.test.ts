import { describe, expect, it } from "vitest";
import { npsDifference } from "./compare.js";
import { npsOf } from "./summary.js";

describe("npsDifference", () => {
  it("calls a change significant only beyond the combined margin", () => {
    // 60/20/20 of 100: NPS 40, 196 × √(0.64 / 100) = 15.7; 30/20/50: NPS −20, 196 × √(0.76 / 100) = 17.1;
    // combined √(15.7² + 17.1²) = 23.2
    const now = npsOf(60, 20, 20);
    const before = npsOf(30, 20, 50);
    expect([now.marginOfError, before.marginOfError]).toEqual([15.7, 17.1]);
    expect(npsDifference(now, before)).toEqual({ delta: 60, marginOfError: 23.2, significant: true });
    expect(npsDifference(npsOf(5, 2, 3), npsOf(4, 3, 3))).toMatchObject({ delta: 10, significant: false });
  });

  it("needs answers on both sides", () => {
    expect(npsDifference(npsOf(1, 0, 0), npsOf(0, 0, 0))).toBeNull();
  });
});
