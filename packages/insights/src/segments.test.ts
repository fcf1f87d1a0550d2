import { describe, expect, it } from "vitest";
import { makeResponse, makeResponses } from "@npskit/test-support/responses";
import { bySegment, NO_SEGMENT, segmentName, segmentsOfCounts } from "./segments.js";

describe("bySegment", () => {
  it("summarizes each attribute value, largest first, missing values as (none)", () => {
    const sample = [
      makeResponse(10, { attributes: { plan: "pro" } }),
      makeResponse(9, { attributes: { plan: "pro" } }),
      makeResponse(2, { attributes: { plan: "pro" } }),
      makeResponse(1, { attributes: { plan: "free" } }),
      makeResponse(8, { attributes: {} }),
      makeResponse(10, { attributes: { plan: null } }),
    ];
    expect(bySegment(sample, "plan")).toEqual([
      {
        segment: "pro",
        total: 3,
        promoters: 2,
        passives: 0,
        detractors: 1,
        nps: 33.3,
        low: -93.7,
        high: 100,
        marginOfError: 96.9,
        small: true,
      },
      {
        segment: "(none)",
        total: 2,
        promoters: 1,
        passives: 1,
        detractors: 0,
        nps: 50,
        low: -100,
        high: 100,
        marginOfError: 100,
        small: true,
      },
      {
        segment: "free",
        total: 1,
        promoters: 0,
        passives: 0,
        detractors: 1,
        nps: -100,
        low: -100,
        high: 100,
        marginOfError: 100,
        small: true,
      },
    ]);
  });

  it("flags segments under 30 answers (or the given minimum) only", () => {
    const sample = [
      ...makeResponses(30, 9, { attributes: { seats: 10 } }),
      ...makeResponses(29, 9, { attributes: { seats: 5 } }),
    ];
    expect(bySegment(sample, "seats").map((s) => [s.segment, s.small])).toEqual([
      ["10", false],
      ["5", true],
    ]);
    expect(bySegment(sample, "seats", { minAnswers: 10 }).map((s) => s.small)).toEqual([false, false]);
  });

  it("puts an answer whose attributes changed in its latest segment only", () => {
    const first = makeResponse(9, {
      id: "moved-0001",
      attributes: { plan: "free" },
      updatedAt: "2026-01-01T00:00:00Z",
    });
    const later = { ...first, attributes: { plan: "pro" }, updatedAt: "2026-01-02T00:00:00Z" };
    expect(bySegment([first, later], "plan").map((s) => s.segment)).toEqual(["pro"]);
  });

  it("is empty without answers", () => {
    expect(bySegment([], "plan")).toEqual([]);
  });
});

describe("segmentsOfCounts", () => {
  it("summarizes counts per segment; segmentName names values like bySegment", () => {
    expect([
      segmentName("pro"),
      segmentName(12.5),
      segmentName(true),
      segmentName(""),
      segmentName(null),
      segmentName(undefined),
    ]).toEqual(["pro", "12.5", "true", NO_SEGMENT, NO_SEGMENT, NO_SEGMENT]);
    const rows = segmentsOfCounts([
      { segment: "pro", kind: "nps", score: 9, n: 40 },
      { segment: "free", kind: "nps", score: 3, n: 2 },
      { segment: "pro", kind: "nps", score: 0, n: 10 },
      { segment: "team", kind: "csat", score: 5, n: 7 },
    ]);
    expect(rows.map((s) => [s.segment, s.total, s.nps, s.small])).toEqual([
      ["pro", 50, 60, false],
      ["free", 2, -100, true],
    ]);
  });
});
