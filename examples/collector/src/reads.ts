// What the team reads: the summary as JSON, every response as CSV or NDJSON, the HTML report.
import type { Hono } from "hono";
import { analyzeStored, storedSegmentableAttributes } from "./analysis.js";
import type { Db } from "./db.js";
import { byteStream, csvChunks, ndjsonChunks } from "./export.js";
import { invalid } from "./problems.js";
import { parseReportQuery, type ReportQuery } from "./query.js";
import { renderReport } from "./report/page.js";
import { REPORT_CSP } from "./report/style.js";
import { listSurveys } from "./store.js";

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
    const analysis = await analyzeStored(db, query.query);
    return c.json({
      filters: { ...filter, from: filter.from?.toISOString(), to: filter.to?.toISOString() },
      ...analysis,
    });
  });

  // Streamed page by page; the first bytes leave before the last rows are read.
  const exports = {
    csv: [csvChunks, "text/csv; charset=utf-8"],
    ndjson: [ndjsonChunks, "application/x-ndjson"],
  } as const;
  for (const [extension, [chunks, type]] of Object.entries(exports)) {
    app.get(`/api/export.${extension}`, async (c) => {
      const query = parseReportQuery(c.req.query());
      if (!query.ok) return invalid(c, 400, query.problems);
      c.header("content-disposition", `attachment; filename="npskit-responses.${extension}"`);
      return c.body(byteStream(chunks(db, query.query.filter)), 200, { "content-type": type });
    });
  }

  app.get("/report", async (c) => {
    const params = c.req.query();
    const parsed = parseReportQuery(params);
    // Bad parameters still get a report (of everything), with a 400 status.
    const query: ReportQuery = parsed.ok ? parsed.query : { filter: {}, period: "month" };
    const analysis = await analyzeStored(db, query);
    const surveys = await listSurveys(db);
    const attributes = await storedSegmentableAttributes(db, query.filter);
    const page = renderReport({
      analysis,
      query,
      surveys: surveys.map((s) => s.surveyId),
      attributes,
      params,
      problems: parsed.ok ? [] : parsed.problems,
    });
    c.header("content-security-policy", REPORT_CSP);
    c.header("referrer-policy", "no-referrer");
    return c.html(page, parsed.ok ? 200 : 400);
  });
}
