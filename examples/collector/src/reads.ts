// What the team reads: the summary as JSON, every response as CSV, the HTML report.
import type { Hono } from "hono";
import { analyze, segmentableAttributes } from "./analysis.js";
import { toCsv } from "./csv.js";
import type { Db } from "./db.js";
import { invalid } from "./problems.js";
import { parseReportQuery, type ReportQuery } from "./query.js";
import { renderReport } from "./report/page.js";
import { REPORT_CSP } from "./report/style.js";
import { listResponses, listSurveys } from "./store.js";

/** Every route that reads answers (app.ts puts the host allowlist and the read credential on them). */
export const READ_PATHS = ["/api/*", "/report"] as const;

export function mountReads(app: Hono, db: Db): void {
  // Comments and customer attributes: never kept by a shared cache or the browser's history cache.
  for (const path of READ_PATHS) {
    app.use(path, async (c, next) => {
      await next();
      c.header("cache-control", "no-store");
    });
  }
  app.get("/api/summary", async (c) => {
    const query = parseReportQuery(c.req.query());
    if (!query.ok) return invalid(c, 400, query.problems);
    const { filter } = query.query;
    const responses = await listResponses(db, filter);
    return c.json({ filters: { ...filter, from: filter.from?.toISOString(), to: filter.to?.toISOString() }, ...analyze(responses, query.query) });
  });

  app.get("/api/export.csv", async (c) => {
    const query = parseReportQuery(c.req.query());
    if (!query.ok) return invalid(c, 400, query.problems);
    const csv = toCsv(await listResponses(db, query.query.filter));
    c.header("content-disposition", `attachment; filename="npskit-responses.csv"`);
    return c.body(csv, 200, { "content-type": "text/csv; charset=utf-8" });
  });

  app.get("/report", async (c) => {
    const params = c.req.query();
    const parsed = parseReportQuery(params);
    // Bad parameters still get a report (of everything), with a 400 status.
    const query: ReportQuery = parsed.ok ? parsed.query : { filter: {}, period: "month" };
    const [responses, surveys] = await Promise.all([listResponses(db, query.filter), listSurveys(db)]);
    const page = renderReport({
      analysis: analyze(responses, query),
      query,
      surveys: surveys.map((s) => s.surveyId),
      attributes: segmentableAttributes(responses),
      params,
      problems: parsed.ok ? [] : parsed.problems,
    });
    c.header("content-security-policy", REPORT_CSP);
    c.header("referrer-policy", "no-referrer");
    return c.html(page, parsed.ok ? 200 : 400);
  });
}
