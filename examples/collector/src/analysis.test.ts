import { describe, expect, it } from "vitest";
import { analyze, segmentableAttributes } from "./analysis.js";
import { wire } from "./wire.fixture.js";

describe("segmentableAttributes", () => {
  it("offers attributes with few distinct values, not amounts or ids", () => {
    const sample = Array.from({ length: 25 }, (_, i) => wire(9, { attributes: { plan: i % 2 ? "pro" : "free", ltv: i * 100, beta: i < 3 } }));
    expect(segmentableAttributes(sample)).toEqual(["beta", "plan"]);
  });
});

describe("analyze", () => {
  it("detects a revenue attribute, and lists the latest comments per category, newest first", () => {
    const older = wire(2, { comment: "old", updatedAt: "2026-01-01T00:00:00.000Z", attributes: { mrr: 50 } });
    const newer = wire(1, { comment: "new", updatedAt: "2026-02-01T00:00:00.000Z", attributes: { mrr: 20 } });
    const a = analyze([older, newer, wire(9, { comment: "  " })], { filter: {}, period: "month" });
    expect(a.revenueAtRisk).toMatchObject({ attribute: "mrr", atRisk: 70 });
    expect(a.latestComments.detractor.map((r) => r.comment)).toEqual(["new", "old"]);
    expect(a.latestComments.promoter).toEqual([]);
    expect(a.segments).toBeNull();
  });
});
