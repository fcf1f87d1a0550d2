import { describe, expect, it } from "vitest";
import { simulate } from "./simulate.js";
import { configOf, NOW } from "./test-support.test-data.js";

describe("simulate", () => {
  const config = configOf([
    { id: "all" },
    { id: "quarter", trigger: { event: "checkout" }, audience: { sample: 0.25 } },
    { id: "desktop-app", audience: { devices: ["desktop"], urls: { include: ["/app/**"] } } },
    { id: "pro", audience: { attributes: [{ key: "plan", op: "eq", value: "pro" }] } },
    { id: "later", schedule: { start: "2027-01-01" } },
  ]);
  const sim = simulate(config, { users: 20_000, now: NOW });
  const bySurvey = Object.fromEntries(sim.surveys.map((s) => [s.surveyId, s]));

  it("counts everyone as shown when nothing excludes them", () => {
    expect(bySurvey.all).toEqual({ surveyId: "all", shown: 20_000, excluded: 0, byReason: {}, removedBy: {} });
  });

  it("fires each survey's own trigger and samples about the configured share", () => {
    expect(bySurvey.quarter!.shown / 20_000).toBeCloseTo(0.25, 1);
    expect(bySurvey.quarter!.byReason).toEqual({ sample: bySurvey.quarter!.excluded });
  });

  it("attributes exclusions to each failing rule, following the documented traffic mix", () => {
    const s = bySurvey["desktop-app"]!;
    // 60% desktop × 65% of pages under /app/ ≈ 39%
    expect(s.shown / 20_000).toBeGreaterThan(0.36);
    expect(s.shown / 20_000).toBeLessThan(0.42);
    expect(s.byReason.device! / 20_000).toBeCloseTo(0.4, 1);
    expect(s.byReason.url! / 20_000).toBeCloseTo(0.35, 1);
    // Each excluded user once, under the first rule that removed them (page before device).
    expect(s.removedBy.url).toBe(s.byReason.url);
    expect(s.removedBy.url! + s.removedBy.device!).toBe(s.excluded);
    expect(s.removedBy.device).toBeLessThan(s.byReason.device!);
  });

  it("uses the given attributes and the given moment", () => {
    expect(bySurvey.pro!.byReason).toEqual({ attributes: 20_000 });
    expect(simulate(config, { users: 10, now: NOW, attributes: { plan: "pro" } }).surveys[3]!.shown).toBe(10);
    expect(bySurvey.later!.byReason).toEqual({ schedule: 20_000 });
    expect(simulate(config, { users: 10, now: Date.parse("2027-02-01") }).surveys[4]!.shown).toBe(10);
  });

  it("is deterministic and honours a fixed context", () => {
    expect(simulate(config, { users: 500, now: NOW })).toEqual(simulate(config, { users: 500, now: NOW }));
    const mobileOnly = simulate(config, { users: 100, now: NOW, context: { device: "mobile", url: "/app/x" } });
    expect(mobileOnly.surveys[2]!.byReason).toEqual({ device: 100 });
  });
});
