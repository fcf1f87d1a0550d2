import { describe, expect, it } from "vitest";
import { parseReportQuery } from "./query.js";

describe("parseReportQuery", () => {
  it("reads dates as whole UTC days, `to` inclusive, and timestamps as given", () => {
    const parsed = parseReportQuery({ from: "2026-11-01", to: "2026-11-30", surveyId: " nps-q4 " });
    expect(parsed).toEqual({
      ok: true,
      query: {
        filter: { surveyId: "nps-q4", from: new Date("2026-11-01T00:00:00Z"), to: new Date("2026-12-01T00:00:00Z") },
        segment: undefined,
        value: undefined,
        period: "month",
      },
    });
    const exact = parseReportQuery({ to: "2026-11-30T12:00:00+01:00" });
    expect(exact.ok && exact.query.filter.to).toEqual(new Date("2026-11-30T11:00:00Z"));
  });

  it("accepts any attribute name the host app may use, and reports every bad parameter", () => {
    const spaced = parseReportQuery({ segment: "Plan name", period: "week" });
    expect(spaced.ok && [spaced.query.segment, spaced.query.period]).toEqual(["Plan name", "week"]);
    const bad = parseReportQuery({ segment: "a\nb", value: "", period: "year", from: "2026-13-45" });
    expect(bad.ok ? [] : bad.problems.map((p) => p.path)).toEqual(["from", "segment", "period"]);
  });
});
