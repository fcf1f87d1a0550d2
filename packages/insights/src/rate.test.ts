import { describe, expect, it } from "vitest";
import type { ResponseStatus, SurveyResponse } from "@npskit/core";
import { makeResponse } from "@npskit/test-support/responses";
import {
  rateBySegmentOfCounts,
  rateOf,
  rateOfCounts,
  rateTrendOfCounts,
  responseRate,
  responseRateBySegment,
  responseRateTrend,
} from "./rate.js";

/** One display, in the states it went through (each a record with the same id, later each time). */
function display(states: ResponseStatus[], overrides: Partial<SurveyResponse> = {}): SurveyResponse[] {
  const first = makeResponse(9, overrides);
  return states.map((status, i) => {
    const answered = status === "answered" || status === "completed";
    const updatedAt = new Date(Date.parse(first.createdAt) + i * 1000).toISOString();
    return {
      ...first,
      status,
      updatedAt,
      complete: status === "completed",
      ...(answered ? {} : { score: null, category: null }),
    };
  });
}

describe("responseRate", () => {
  it("counts each display once, in its latest state, whatever the arrival order", () => {
    const records = [
      ...display(["shown", "dismissed"]),
      ...display(["shown", "answered", "completed"]).reverse(),
      ...display(["shown", "answered"]),
      ...display(["shown"]),
    ];
    // 2 of 4 answered: Wilson 15.0 .. 85.0
    expect(responseRate(records)).toEqual({
      shown: 4,
      dismissed: 1,
      answered: 2,
      completed: 1,
      rate: 50,
      low: 15,
      high: 85,
    });
  });

  it("leaves answers without a status (impressions off, earlier SDKs) out of the rate", () => {
    expect(responseRate([makeResponse(10), makeResponse(3)])).toEqual({
      shown: 0,
      dismissed: 0,
      answered: 0,
      completed: 0,
      rate: null,
      low: null,
      high: null,
    });
    expect(responseRate([makeResponse(10), ...display(["shown", "dismissed"])])).toMatchObject({
      shown: 1,
      answered: 0,
      rate: 0,
    });
  });
});

describe("rateOf", () => {
  it("works from counts alone", () => {
    // 150 of 400: Wilson 32.9 .. 42.3
    expect(rateOf({ shown: 400, dismissed: 230, answered: 150, completed: 120 })).toMatchObject({
      rate: 37.5,
      low: 32.9,
      high: 42.3,
    });
  });
});

describe("responseRateBySegment and responseRateTrend", () => {
  it("split the rate by attribute and by period of the display", () => {
    const records = [
      ...display(["shown", "answered"], { attributes: { plan: "pro" }, createdAt: "2026-11-03T10:00:00.000Z" }),
      ...display(["shown", "dismissed"], { attributes: { plan: "pro" }, createdAt: "2026-12-01T10:00:00.000Z" }),
      ...display(["shown", "dismissed"], { attributes: {}, createdAt: "2026-12-01T11:00:00.000Z" }),
      makeResponse(9, { attributes: { plan: "team" } }),
    ];
    expect(responseRateBySegment(records, "plan").map((s) => [s.segment, s.shown, s.rate])).toEqual([
      ["pro", 2, 50],
      ["(none)", 1, 0],
    ]);
    expect(responseRateTrend(records, "month").map((p) => [p.period, p.shown, p.answered])).toEqual([
      ["2026-11", 1, 1],
      ["2026-12", 2, 0],
    ]);
  });
});

describe("rateOfCounts, rateBySegmentOfCounts and rateTrendOfCounts", () => {
  it("give from counts of latest statuses what the response-based functions give", () => {
    const at = (day: string) => Date.parse(`${day}T00:00:00.000Z`);
    const counts = [
      { status: "answered" as const, n: 3, at: at("2026-11-03"), segment: "pro" },
      { status: "completed" as const, n: 2, at: at("2026-11-20"), segment: "pro" },
      { status: "dismissed" as const, n: 4, at: at("2026-12-01"), segment: "(none)" },
      { status: "shown" as const, n: 1, at: at("2026-12-01"), segment: "pro" },
    ];
    expect(rateOfCounts(counts)).toEqual(rateOf({ shown: 10, dismissed: 4, answered: 5, completed: 2 }));
    expect(rateBySegmentOfCounts(counts).map((s) => [s.segment, s.shown, s.answered])).toEqual([
      ["pro", 6, 5],
      ["(none)", 4, 0],
    ]);
    expect(rateTrendOfCounts(counts, "month").map((p) => [p.period, p.shown, p.rate])).toEqual([
      ["2026-11", 5, 100],
      ["2026-12", 5, 0],
    ]);
    const records = [
      ...display(["shown", "answered"], { attributes: { plan: "pro" }, createdAt: "2026-11-03T10:00:00.000Z" }),
      ...display(["shown", "dismissed"], { createdAt: "2026-12-01T10:00:00.000Z" }),
    ];
    const latest = [
      { status: "answered" as const, n: 1, at: at("2026-11-03"), segment: "pro" },
      { status: "dismissed" as const, n: 1, at: at("2026-12-01"), segment: "(none)" },
    ];
    expect(rateOfCounts(latest)).toEqual(responseRate(records));
    expect(rateBySegmentOfCounts(latest)).toEqual(responseRateBySegment(records, "plan"));
    expect(rateTrendOfCounts(latest, "month")).toEqual(responseRateTrend(records, "month"));
  });
});
