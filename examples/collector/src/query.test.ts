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

  it("takes only real dates within 2000–2099, and no control characters", () => {
    const paths = (params: Record<string, string>) => {
      const parsed = parseReportQuery(params);
      return parsed.ok ? [] : parsed.problems.map((p) => p.path);
    };
    expect(paths({ from: "2000-01-01", to: "2099-12-31", surveyId: "nps-q4", segment: "plan" })).toEqual([]);
    expect(paths({ from: "275760-09-13" })).toEqual(["from"]);
    expect(paths({ to: "2026-02-31" })).toEqual(["to"]);
    expect(paths({ from: "1999-12-31T23:59:59Z" })).toEqual(["from"]);
    expect(paths({ from: "March 7, 2026" })).toEqual(["from"]);
    expect(paths({ surveyId: "nps\u0000q4", value: "ltv\u007f", segment: "\ud800" })).toEqual([
      "surveyId",
      "segment",
      "value",
    ]);
  });
});
