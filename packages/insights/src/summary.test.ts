import { describe, expect, it } from "vitest";
import { makeResponse, makeResponses } from "@npskit/test-support/responses";
import { latestById } from "./latest.js";
import { npsOf, summarize, summarizeCounts } from "./summary.js";

describe("summarize", () => {
  it("computes NPS and its 95% interval from a hand-computed sample", () => {
    // 5 promoters, 2 passives, 3 detractors of 10: NPS 50 − 30 = 20. Adjusted Wald: n = 13,
    // p = 5.75 / 13 = 0.4423, d = 3.75 / 13 = 0.2885, centre 0.1538; variance (0.7308 − 0.0237) / 13
    // = 0.05439; t(10) 2.228 × √0.05439 = 0.5196 → −36.6 .. 67.3, half width 52.0.
    const sample = [
      ...makeResponses(3, 10),
      ...makeResponses(2, 9),
      ...makeResponses(1, 8),
      ...makeResponses(1, 7),
      makeResponse(6),
      makeResponse(3),
      makeResponse(0),
    ];
    expect(summarize(sample)).toEqual({
      total: 10,
      promoters: 5,
      passives: 2,
      detractors: 3,
      nps: 20,
      low: -36.6,
      high: 67.3,
      marginOfError: 52,
    });
  });

  it("returns null NPS and interval when there is no answer", () => {
    expect(summarize([])).toEqual({
      total: 0,
      promoters: 0,
      passives: 0,
      detractors: 0,
      nps: null,
      low: null,
      high: null,
      marginOfError: null,
    });
  });

  it("gives a wide interval, never 0, when everyone is in one category", () => {
    expect(summarize(makeResponses(4, 8))).toMatchObject({
      total: 4,
      passives: 4,
      nps: 0,
      low: -48.6,
      high: 48.6,
      marginOfError: 48.6,
    });
    // 30 promoters: still not a certain +100.
    expect(summarize(makeResponses(30, 10))).toMatchObject({ nps: 100, high: 100, low: 78.2 });
  });

  it("says one answer tells almost nothing: the whole scale", () => {
    expect(summarize([makeResponse(9)])).toMatchObject({
      total: 1,
      nps: 100,
      low: -100,
      high: 100,
      marginOfError: 100,
    });
    expect(summarize([makeResponse(2)])).toMatchObject({ total: 1, nps: -100, low: -100, high: 100 });
  });

  it("is not symmetric around the NPS, and mirrors around zero", () => {
    expect(summarize([makeResponse(10), ...makeResponses(2, 7)])).toMatchObject({
      nps: 33.3,
      low: -64.3,
      high: 97.7,
      marginOfError: 81,
    });
    expect(summarize([makeResponse(0), ...makeResponses(2, 7)])).toMatchObject({
      nps: -33.3,
      low: -97.7,
      high: 64.3,
      marginOfError: 81,
    });
  });

  it("ignores displays without a score (impressions)", () => {
    const shown = makeResponse(9, { score: null, category: null, status: "shown", complete: false });
    const dismissed = makeResponse(9, { score: null, category: null, status: "dismissed", complete: false });
    expect(summarize([shown, dismissed, makeResponse(10, { status: "answered" })])).toMatchObject({
      total: 1,
      promoters: 1,
    });
  });

  it("counts one id once, in its latest state, whatever the arrival order", () => {
    const first = makeResponse(3, { id: "same-id-1", complete: false, updatedAt: "2026-11-24T10:00:00.000Z" });
    const later = {
      ...first,
      score: 9,
      category: "promoter" as const,
      complete: true,
      updatedAt: "2026-11-24T10:00:09.000Z",
    };
    expect(summarize([first, later])).toMatchObject({ total: 1, promoters: 1, detractors: 0 });
    expect(summarize([later, first, first])).toMatchObject({ total: 1, promoters: 1, detractors: 0 });
  });

  it("counts incomplete responses: the score is the answer", () => {
    expect(summarize([makeResponse(10, { complete: false }), makeResponse(1)])).toMatchObject({
      total: 2,
      promoters: 1,
      detractors: 1,
      nps: 0,
    });
  });

  it("recomputes the category from the score instead of trusting the sender", () => {
    expect(summarize([makeResponse(2, { category: "promoter" })])).toMatchObject({ promoters: 0, detractors: 1 });
  });

  it("counts eNPS like NPS and leaves CSAT, CES and out-of-scale scores out", () => {
    const sample = [
      makeResponse(10, { kind: "enps" }),
      makeResponse(5, { kind: "csat" }),
      makeResponse(7, { kind: "ces" }),
      makeResponse(11),
      makeResponse(4.5),
    ];
    expect(summarize(sample)).toMatchObject({ total: 1, promoters: 1 });
  });
});

describe("npsOf", () => {
  it("works from counts alone", () => {
    expect(npsOf(60, 20, 20)).toMatchObject({ total: 100, nps: 40 });
  });
});

describe("latestById", () => {
  it("keeps the newest updatedAt and, on a tie, the first seen", () => {
    const a = makeResponse(5, { id: "x-00000001", updatedAt: "2026-01-01T00:00:00Z" });
    const b = { ...a, score: 6, updatedAt: "2026-01-01T00:00:00Z" };
    const c = { ...a, score: 7, updatedAt: "2026-01-02T00:00:00Z" };
    expect(latestById([a, b])).toEqual([a]);
    expect(latestById([c, a, b])).toEqual([c]);
  });
});

describe("summarizeCounts", () => {
  it("is summarize on score counts: NPS kinds with a valid score, by category", () => {
    const counts = [
      { kind: "nps" as const, score: 10, n: 5 },
      { kind: "enps" as const, score: 7, n: 2 },
      { kind: "nps" as const, score: 0, n: 3 },
      { kind: "csat" as const, score: 5, n: 40 },
      { kind: "nps" as const, score: 11, n: 9 },
    ];
    expect(summarizeCounts(counts)).toEqual(npsOf(5, 2, 3));
    expect(summarizeCounts([])).toEqual(npsOf(0, 0, 0));
  });
});
