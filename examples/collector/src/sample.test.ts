import { describe, expect, it } from "vitest";
import { responseSchema } from "@npskit/core";
import { responseRate, summarize, trend } from "@npskit/insights";
import { sampleResponses } from "./sample.js";

const now = Date.parse("2026-11-25T14:00:00Z");

describe("sampleResponses", () => {
  const sample = sampleResponses({ surveyId: "nps-checkout", count: 400, now });

  it("produces valid wire-format responses with unique ids, all in the past six months", () => {
    expect(sample.every((r) => responseSchema.safeParse(r).success)).toBe(true);
    expect(new Set(sample.map((r) => r.id)).size).toBe(400);
    const ages = sample.map((r) => now - Date.parse(r.createdAt));
    expect(Math.min(...ages)).toBeGreaterThan(0);
    expect(Math.max(...ages)).toBeLessThan(183 * 86_400_000);
  });

  it("is the same on every call of the same day, so seeding is idempotent", () => {
    expect(sampleResponses({ surveyId: "nps-checkout", count: 400, now: now + 3_600_000 })).toEqual(sample);
  });

  it("shows a trend worth reporting: every category present, later months better than earlier ones", () => {
    const s = summarize(sample);
    expect(Math.min(s.promoters, s.passives, s.detractors)).toBeGreaterThan(30);
    const months = trend(sample, "quarter").filter((p) => p.total > 50);
    expect(months.at(-1)!.nps!).toBeGreaterThan(months[0]!.nps!);
  });

  it("adds unanswered displays on request, so the report shows a response rate", () => {
    const withDisplays = sampleResponses({ surveyId: "nps-checkout", count: 100, now, unanswered: 1.5 });
    expect(withDisplays).toHaveLength(250);
    expect(withDisplays.every((r) => responseSchema.safeParse(r).success)).toBe(true);
    expect(new Set(withDisplays.map((r) => r.id)).size).toBe(250);
    expect(summarize(withDisplays).total).toBe(100);
    expect(responseRate(withDisplays)).toMatchObject({ shown: 250, answered: 100, rate: 40 });
  });
});
