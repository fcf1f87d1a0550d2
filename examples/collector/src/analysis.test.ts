import { describe, expect, it } from "vitest";
import { analyze, segmentableAttributes } from "./analysis.js";
import { makeResponse } from "@npskit/test-support/responses";

describe("segmentableAttributes", () => {
  it("offers attributes with few distinct values, not amounts or ids", () => {
    const sample = Array.from({ length: 25 }, (_, i) =>
      makeResponse(9, { attributes: { plan: i % 2 ? "pro" : "free", ltv: i * 100, beta: i < 3 } }),
    );
    expect(segmentableAttributes(sample)).toEqual(["beta", "plan"]);
  });

  it("offers only common keys, so a flood of distinct keys never grows the report", () => {
    const flood = Array.from({ length: 200 }, (_, i) =>
      makeResponse(9, { attributes: { plan: i % 2 ? "pro" : "free", [`junk-${i}`]: "x" } }),
    );
    expect(segmentableAttributes(flood)).toEqual(["plan"]);
  });
});

describe("analyze", () => {
  it("detects a revenue attribute, and lists the latest comments per category, newest first", () => {
    const older = makeResponse(2, { comment: "old", updatedAt: "2026-01-01T00:00:00.000Z", attributes: { mrr: 50 } });
    const newer = makeResponse(1, { comment: "new", updatedAt: "2026-02-01T00:00:00.000Z", attributes: { mrr: 20 } });
    const a = analyze([older, newer, makeResponse(9, { comment: "  " })], { filter: {}, period: "month" });
    expect(a.revenueAtRisk).toMatchObject({ attribute: "mrr", atRisk: 70 });
    expect(a.latestComments.detractor.map((r) => r.comment)).toEqual(["new", "old"]);
    expect(a.latestComments.promoter).toEqual([]);
    expect(a.segments).toBeNull();
    expect(a.detractors.map((d) => [d.response.comment, d.value])).toEqual([
      ["old", 50],
      ["new", 20],
    ]);
  });

  it("compares the last period with answers to the one before it", () => {
    const at = (iso: string, score: number) => makeResponse(score, { createdAt: iso, updatedAt: iso });
    const sample = [at("2026-09-03T00:00:00Z", 10), at("2026-09-04T00:00:00Z", 0), at("2026-11-02T00:00:00Z", 9)];
    // One answer against two: no verdict, however large the move.
    expect(analyze(sample, { filter: {}, period: "month" }).change).toMatchObject({
      period: "2026-11",
      nps: 100,
      total: 1,
      previousPeriod: "2026-09",
      previousNps: 0,
      previousTotal: 2,
      delta: 100,
      verdict: "not enough answers",
      significant: false,
    });
    expect(analyze(sample.slice(2), { filter: {}, period: "month" }).change).toBeNull();
  });
});

describe("analyze: displays", () => {
  it("reports the response rate overall, per period and per segment, and leaves displays out of the NPS", () => {
    const shown = (status: "shown" | "dismissed", plan: string, createdAt: string) =>
      makeResponse(9, {
        score: null,
        category: null,
        status,
        complete: false,
        attributes: { plan },
        createdAt,
        updatedAt: createdAt,
      });
    const sample = [
      shown("dismissed", "pro", "2026-10-05T00:00:00.000Z"),
      shown("shown", "free", "2026-11-05T00:00:00.000Z"),
      makeResponse(10, { status: "completed", attributes: { plan: "pro" }, createdAt: "2026-11-06T00:00:00.000Z" }),
      makeResponse(3, { attributes: { plan: "free" } }),
    ];
    const a = analyze(sample, { filter: {}, period: "month", segment: "plan" });
    expect(a.nps).toMatchObject({ total: 2, promoters: 1, detractors: 1 });
    expect(a.responseRate).toMatchObject({ shown: 3, dismissed: 1, answered: 1, completed: 1, rate: 33.3 });
    expect(a.responseRate.byPeriod.map((p) => [p.period, p.shown, p.answered])).toEqual([
      ["2026-10", 1, 0],
      ["2026-11", 2, 1],
    ]);
    expect(a.segments?.responseRates.map((r) => [r.segment, r.shown, r.rate])).toEqual([
      ["pro", 2, 50],
      ["free", 1, 0],
    ]);
  });
});
