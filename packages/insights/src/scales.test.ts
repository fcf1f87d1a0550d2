import { describe, expect, it } from "vitest";
import { makeResponse } from "@npskit/test-support/responses";
import { cesOfCounts, csatOfCounts, scaleOf, summarizeCes, summarizeCsat } from "./scales.js";

describe("summarizeCsat", () => {
  it("gives the mean and the share of 4–5 answers, each with its interval", () => {
    const sample = [5, 4, 3, 1].map((s) => makeResponse(s, { kind: "csat" }));
    // mean 13 / 4 = 3.25, sd √(8.75 / 3) = 1.708, t(3) 3.182 × 1.708 / 2 = 2.72: the whole 1–5 scale;
    // satisfied 2 of 4: Wilson 15.0 .. 85.0
    expect(summarizeCsat([...sample, makeResponse(9)])).toEqual({
      total: 4,
      mean: 3.25,
      meanLow: 1,
      meanHigh: 5,
      good: 2,
      goodPercent: 50,
      goodLow: 15,
      goodHigh: 85,
    });
  });

  it("narrows with more answers", () => {
    const sample = Array.from({ length: 40 }, (_, i) => makeResponse(i % 2 ? 5 : 4, { kind: "csat" }));
    // mean 4.5, sd √(40 × 0.25 / 39) = 0.506, t(39) 2.023 × 0.506 / √40 = 0.16
    expect(summarizeCsat(sample)).toMatchObject({
      mean: 4.5,
      meanLow: 4.34,
      meanHigh: 4.66,
      goodPercent: 100,
      goodLow: 91.2,
      goodHigh: 100,
    });
  });

  it("returns nulls without answers, and ignores displays without a score", () => {
    const none = {
      total: 0,
      mean: null,
      meanLow: null,
      meanHigh: null,
      good: 0,
      goodPercent: null,
      goodLow: null,
      goodHigh: null,
    };
    expect(
      summarizeCsat([makeResponse(9), makeResponse(5, { kind: "csat", score: null, category: null, status: "shown" })]),
    ).toEqual(none);
  });
});

describe("summarizeCes", () => {
  it("counts 5–7 as easy and ignores scores outside 1–7", () => {
    const sample = [7, 5, 4].map((s) => makeResponse(s, { kind: "ces" }));
    // mean 16 / 3 = 5.33; easy 2 of 3 = 66.7 %
    expect(summarizeCes([...sample, makeResponse(0, { kind: "ces" })])).toMatchObject({
      total: 3,
      mean: 5.33,
      good: 2,
      goodPercent: 66.7,
    });
  });
});

describe("scaleOf", () => {
  it("works from sums alone, and gives the whole scale for one answer", () => {
    expect(scaleOf("ces", { total: 1, sum: 6, sumOfSquares: 36, good: 1 })).toMatchObject({
      mean: 6,
      meanLow: 1,
      meanHigh: 7,
    });
  });
});

describe("csatOfCounts and cesOfCounts", () => {
  it("weigh each score by its count and ignore other kinds", () => {
    const counts = [
      { kind: "csat" as const, score: 5, n: 3 },
      { kind: "csat" as const, score: 2, n: 1 },
      { kind: "ces" as const, score: 7, n: 2 },
      { kind: "nps" as const, score: 5, n: 9 },
    ];
    // CSAT mean (15 + 2) / 4 = 4.25, satisfied 3 of 4
    expect(csatOfCounts(counts)).toMatchObject({ total: 4, mean: 4.25, good: 3, goodPercent: 75 });
    expect(cesOfCounts(counts)).toMatchObject({
      total: 2,
      mean: 7,
      meanLow: 7,
      meanHigh: 7,
      good: 2,
      goodPercent: 100,
    });
  });
});
