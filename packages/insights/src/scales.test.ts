import { describe, expect, it } from "vitest";
import { makeResponse } from "../../core/src/response.test-data.js";
import { cesOfCounts, csatOfCounts, summarizeCes, summarizeCsat } from "./scales.js";

describe("summarizeCsat", () => {
  it("gives the mean and the share of 4–5 answers", () => {
    const sample = [5, 4, 3, 1].map((s) => makeResponse(s, { kind: "csat" }));
    // mean 13 / 4 = 3.25; satisfied 2 of 4
    expect(summarizeCsat([...sample, makeResponse(9)])).toEqual({ total: 4, mean: 3.25, good: 2, goodPercent: 50 });
  });

  it("returns nulls without answers", () => {
    expect(summarizeCsat([makeResponse(9)])).toEqual({ total: 0, mean: null, good: 0, goodPercent: null });
  });
});

describe("summarizeCes", () => {
  it("counts 5–7 as easy and ignores scores outside 1–7", () => {
    const sample = [7, 5, 4].map((s) => makeResponse(s, { kind: "ces" }));
    // mean 16 / 3 = 5.33; easy 2 of 3 = 66.7 %
    expect(summarizeCes([...sample, makeResponse(0, { kind: "ces" })])).toEqual({ total: 3, mean: 5.33, good: 2, goodPercent: 66.7 });
  });
});

describe("csatOfCounts and cesOfCounts", () => {
  it("weigh each score by its count and ignore other kinds", () => {
    const counts = [{ kind: "csat" as const, score: 5, n: 3 }, { kind: "csat" as const, score: 2, n: 1 }, { kind: "ces" as const, score: 7, n: 2 }, { kind: "nps" as const, score: 5, n: 9 }];
    // CSAT mean (15 + 2) / 4 = 4.25, satisfied 3 of 4
    expect(csatOfCounts(counts)).toEqual({ total: 4, mean: 4.25, good: 3, goodPercent: 75 });
    expect(cesOfCounts(counts)).toEqual({ total: 2, mean: 7, good: 2, goodPercent: 100 });
  });
});
