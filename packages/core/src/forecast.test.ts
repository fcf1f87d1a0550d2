import { describe, expect, it } from "vitest";
import { answersForMargin, forecast, npsMarginOfError, observedRatesFromSummary, type Forecast } from "./forecast.js";
import { configOf, NOW } from "./test-support.test-data.js";

const ok = (result: Forecast | { problem: string }): Forecast => {
  if ("problem" in result) throw new Error(result.problem);
  return result;
};

describe("npsMarginOfError (adjusted Wald)", () => {
  it("is never 0, even for one answer or a sample of one category", () => {
    expect(npsMarginOfError(1, 1, 0)).toBeGreaterThan(50);
    expect(npsMarginOfError(200, 1, 0)).toBeGreaterThan(0);
  });

  it("matches the formula: n + 3 answers, ¾ of an answer added to promoters and to detractors", () => {
    // 100 answers, 50 promoters, 20 detractors: p = 50.75/103, d = 20.75/103.
    const p = 50.75 / 103;
    const d = 20.75 / 103;
    expect(npsMarginOfError(100, 0.5, 0.2)).toBeCloseTo(196 * Math.sqrt((p + d - (p - d) ** 2) / 103), 10);
  });

  it("finds the fewest answers for a margin", () => {
    const n = answersForMargin(5, 0.5, 0.2);
    expect(npsMarginOfError(n, 0.5, 0.2)).toBeLessThanOrEqual(5);
    expect(npsMarginOfError(n - 1, 0.5, 0.2)).toBeGreaterThan(5);
    expect(n).toBeGreaterThan(700); // ≈ 1.96² × 0.61 / 0.05²
    expect(n).toBeLessThan(1000);
  });
});

describe("forecast", () => {
  const config = configOf([
    { id: "nps-q4", trigger: { event: "checkout" }, audience: { sample: 0.25 } },
    { id: "app-only", audience: { sample: 0.5, urls: { include: ["/app/**"] } } },
  ]);

  it("answers a month and their margin from monthly users, response rate and answer mix", () => {
    const f = ok(
      forecast(config, { monthlyUsers: 20_000, responseRate: 0.2, promoters: 0.5, detractors: 0.2 }, { now: NOW }),
    );
    const [q4, app] = f.surveys;
    expect(q4!.reach).toBe(1);
    expect(q4!.answersPerMonth).toBeCloseTo(20_000 * 0.25 * 0.2, 6); // 1,000
    expect(q4!.marginOfError).toBeCloseTo(npsMarginOfError(1000, 0.5, 0.2), 10);
    expect(q4!.sampleForTarget).toBe(Math.ceil((100 * answersForMargin(5, 0.5, 0.2)) / 4000) / 100);
    // 65% of the simulated pages are under /app/.
    expect(app!.reach).toBeGreaterThan(0.6);
    expect(app!.reach).toBeLessThan(0.7);
    expect(f.assumedMix).toBe(false);
  });

  it("says when even sample 1 cannot reach the target, and assumes the widest margin without a mix", () => {
    const f = ok(forecast(config, { monthlyUsers: 1000, responseRate: 0.1 }, { now: NOW }));
    expect(f.assumedMix).toBe(true);
    expect(f.surveys[0]!.sampleForTarget).toBeNull();
    expect(f.surveys[0]!.marginOfError).toBeCloseTo(npsMarginOfError(25, 0.5, 0.5), 10);
  });

  it("infers the missing rate from the answers a month observed for one survey", () => {
    const users = ok(forecast(config, { responseRate: 0.2, answersPerMonth: 1000, surveyId: "nps-q4" }, { now: NOW }));
    expect(users.monthlyUsers).toBeCloseTo(20_000, 6);
    expect(users.inferred).toEqual(["monthlyUsers"]);
    const rate = ok(
      forecast(config, { monthlyUsers: 20_000, answersPerMonth: 1000, surveyId: "nps-q4" }, { now: NOW }),
    );
    expect(rate.responseRate).toBeCloseTo(0.2, 10);
  });

  it("names what is missing or impossible", () => {
    const problem = (r: Forecast | { problem: string }) => ("problem" in r ? r.problem : "");
    expect(problem(forecast(config, {}, { now: NOW }))).toMatch(/needs the monthly users and the response rate/);
    expect(problem(forecast(config, { responseRate: 0.2, answersPerMonth: 100 }, { now: NOW }))).toMatch(
      /which survey .* nps-q4, app-only/,
    );
    expect(
      problem(forecast(config, { monthlyUsers: 100, answersPerMonth: 1000, surveyId: "nps-q4" }, { now: NOW })),
    ).toMatch(/more answers than people shown/);
    expect(problem(forecast(config, { monthlyUsers: 100, responseRate: 14 }, { now: NOW }))).toMatch(
      /responseRate must be a share from 0 to 1, got 14/,
    );
  });
});

describe("observedRatesFromSummary", () => {
  it("reads the answer mix, the complete months' mean answers, the response rate and the survey", () => {
    const summary = {
      filters: { surveyId: "nps-q4" },
      nps: { total: 400, promoters: 200, passives: 120, detractors: 80 },
      trend: {
        period: "month",
        points: [
          { period: "2026-09", start: "2026-09-01T00:00:00.000Z", total: 150 },
          { period: "2026-10", start: "2026-10-01T00:00:00.000Z", total: 210 },
          { period: "2026-11", start: "2026-11-01T00:00:00.000Z", total: 40 }, // NOW is 25 November: not complete
        ],
      },
      responseRate: { shown: 1000, dismissed: 700, answered: 120, completed: 90, rate: 12, low: 10.1, high: 14.2 },
    };
    expect(observedRatesFromSummary(summary, NOW)).toEqual({
      promoters: 0.5,
      detractors: 0.2,
      answersPerMonth: 180,
      responseRate: 0.12,
      surveyId: "nps-q4",
    });
  });

  it("leaves out what the summary does not have", () => {
    expect(
      observedRatesFromSummary(
        { nps: { total: 0, promoters: 0, detractors: 0 }, trend: { period: "week", points: [] } },
        NOW,
      ),
    ).toEqual({});
    expect(observedRatesFromSummary(null, NOW)).toEqual({});
  });
});
