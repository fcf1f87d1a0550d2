import { describe, expect, it } from "vitest";
import { makeResponse } from "@npskit/test-support/responses";
import { periodLabel, periodStart } from "./periods.js";
import { trend, trendOfCounts } from "./trend.js";

const at = (iso: string, score: number) => makeResponse(score, { createdAt: iso, updatedAt: iso });

describe("trend", () => {
  it("buckets by month and fills empty months between answers", () => {
    const points = trend(
      [at("2026-01-31T23:59:59Z", 10), at("2026-01-05T00:00:00Z", 0), at("2026-03-01T00:00:00Z", 9)],
      "month",
    );
    expect(points.map((p) => [p.period, p.start, p.total, p.nps])).toEqual([
      ["2026-01", "2026-01-01T00:00:00.000Z", 2, 0],
      ["2026-02", "2026-02-01T00:00:00.000Z", 0, null],
      ["2026-03", "2026-03-01T00:00:00.000Z", 1, 100],
    ]);
  });

  it("uses ISO weeks in UTC, across year boundaries", () => {
    // 2025-12-29 is the Monday of 2026-W01 (1 January 2026 is a Thursday);
    // 2021-01-03 (a Sunday) still belongs to 2020-W53.
    expect(trend([at("2025-12-30T12:00:00Z", 9)], "week")[0]).toMatchObject({
      period: "2026-W01",
      start: "2025-12-29T00:00:00.000Z",
    });
    expect(trend([at("2021-01-03T23:00:00Z", 9)], "week")[0]).toMatchObject({
      period: "2020-W53",
      start: "2020-12-28T00:00:00.000Z",
    });
    expect(trend([at("2026-11-24T10:00:00Z", 9), at("2026-12-08T10:00:00Z", 1)], "week").map((p) => p.period)).toEqual([
      "2026-W48",
      "2026-W49",
      "2026-W50",
    ]);
  });

  it("buckets by quarter", () => {
    const points = trend(
      [at("2026-11-24T10:00:00Z", 9), at("2026-10-01T00:00:00Z", 3), at("2027-01-01T00:00:00Z", 8)],
      "quarter",
    );
    expect(points.map((p) => [p.period, p.total, p.nps])).toEqual([
      ["2026-Q4", 2, 0],
      ["2027-Q1", 1, 0],
    ]);
  });

  it("counts each id once, in the period it was first answered", () => {
    const first = at("2026-01-31T23:59:00Z", 3);
    const later = { ...first, score: 10, updatedAt: "2026-02-01T00:01:00Z" };
    expect(trend([first, later], "month").map((p) => [p.period, p.promoters])).toEqual([["2026-01", 1]]);
  });

  it("marks periods under the minimum number of answers as small", () => {
    const points = trend(
      [...Array.from({ length: 30 }, () => at("2026-11-02T00:00:00Z", 9)), at("2026-12-01T00:00:00Z", 10)],
      "month",
    );
    expect(points.map((p) => [p.period, p.total, p.small])).toEqual([
      ["2026-11", 30, false],
      ["2026-12", 1, true],
    ]);
    expect(trend([at("2026-12-01T00:00:00Z", 10)], "month", { minAnswers: 1 })[0]?.small).toBe(false);
  });

  it("is empty without answers", () => {
    expect(trend([], "week")).toEqual([]);
  });
});

describe("periods", () => {
  it("labels the last ISO week of a long year", () => {
    expect(periodLabel(periodStart(Date.parse("2026-12-31T00:00:00Z"), "week"), "week")).toBe("2026-W53");
  });
});

describe("trendOfCounts", () => {
  it("buckets counts by the period of their time, like trend buckets answers", () => {
    const day = (iso: string) => Date.parse(iso);
    const points = trendOfCounts(
      [
        { kind: "nps", score: 10, n: 3, at: day("2026-01-31T00:00:00Z") },
        { kind: "nps", score: 2, n: 1, at: day("2026-01-01T00:00:00Z") },
        { kind: "csat", score: 5, n: 4, at: day("2026-03-01T00:00:00Z") },
      ],
      "month",
    );
    expect(points.map((p) => [p.period, p.total, p.nps])).toEqual([
      ["2026-01", 4, 50],
      ["2026-02", 0, null],
      ["2026-03", 0, null],
    ]);
  });
});
