// The reference collector's HTTP surface (CONTRACT §7), as a Hono app with its storage injected.
import { timingSafeEqual } from "node:crypto";
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { analyze, segmentableAttributes } from "./analysis.js";
import { toCsv } from "./csv.js";
import type { Db } from "./db.js";
import { parseReportQuery, type ReportQuery } from "./query.js";
import { renderReport } from "./report/page.js";
import { REPORT_CSP } from "./report/style.js";
import type { SurveyResponse } from "@npskit/core";
import { listResponses, listSurveys, saveResponse, type SaveResult } from "./store.js";
import { parseResponse, type Problem } from "./validate.js";

export interface AppOptions {
  db: Db;
  /** Origins allowed to POST from a browser (CORS); `"*"` (default) allows any. */
  origins?: readonly string[] | "*";
  /** When set, `POST /collect` requires this value in the `x-api-key` header. */
  apiKey?: string | undefined;
  /** Largest accepted request body (default 64 KiB). */
  maxBodyBytes?: number;
  /** Called after each accepted response, e.g. to log it. */
  onStored?: ((response: SurveyResponse, result: SaveResult) => void) | undefined;
  /** Where unexpected errors are reported (default `console.error`). */
  logError?: (error: unknown) => void;
}

/** Body types a browser may send: JSON from `fetch`, text/plain from `navigator.sendBeacon`. */
const ACCEPTED_TYPES = ["application/json", "text/plain"];

export function createApp(options: AppOptions): Hono {
  const { db, origins = "*", apiKey, maxBodyBytes = 64 * 1024, onStored, logError = console.error } = options;
  const app = new Hono();

  app.use("*", async (c, next) => {
    await next();
    c.header("x-content-type-options", "nosniff");
  });
  app.onError((error, c) => {
    logError(error);
    return c.json({ error: "internal error" }, 500);
  });

  app.use(
    "/collect",
    cors({
      origin: origins === "*" ? "*" : [...origins],
      allowMethods: ["POST", "OPTIONS"],
      allowHeaders: ["content-type", "idempotency-key", "x-api-key"],
      maxAge: 86_400,
    }),
  );

  app.post("/collect", bodyLimit({ maxSize: maxBodyBytes, onError: (c) => invalid(c, 413, [{ path: "", message: `body exceeds ${maxBodyBytes} bytes` }]) }), async (c) => {
    if (apiKey !== undefined && !sameSecret(c.req.header("x-api-key"), apiKey)) return c.json({ error: "missing or wrong x-api-key" }, 401);
    const type = c.req.header("content-type")?.split(";")[0]?.trim().toLowerCase();
    if (type && !ACCEPTED_TYPES.includes(type)) return invalid(c, 415, [{ path: "", message: `content-type must be application/json or text/plain, got ${type}` }]);
    const parsed = parseResponse(await c.req.text());
    if (!parsed.ok) return invalid(c, 400, parsed.problems);
    const key = c.req.header("idempotency-key");
    if (key !== undefined && key !== parsed.response.id) return invalid(c, 400, [{ path: "id", message: "must equal the Idempotency-Key header" }]);
    const result = await saveResponse(db, parsed.response);
    onStored?.(parsed.response, result);
    return c.json({ id: parsed.response.id, result });
  });

  app.get("/api/summary", async (c) => {
    const query = parseReportQuery(c.req.query());
    if (!query.ok) return invalid(c, 400, query.problems);
    const responses = await listResponses(db, query.query.filter);
    const filters = { ...query.query.filter, from: query.query.filter.from?.toISOString(), to: query.query.filter.to?.toISOString() };
    return c.json({ filters, ...analyze(responses, query.query) });
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
    const query: ReportQuery = parsed.ok ? parsed.query : { filter: {}, period: "month" };
    const [responses, surveys] = await Promise.all([listResponses(db, query.filter), listSurveys(db)]);
    const attributes = segmentableAttributes(responses);
    const page = renderReport({ analysis: analyze(responses, query), query, surveys: surveys.map((s) => s.surveyId), attributes, params });
    c.header("content-security-policy", REPORT_CSP);
    c.header("referrer-policy", "no-referrer");
    return c.html(page, parsed.ok ? 200 : 400);
  });

  app.get("/healthz", (c) => c.json({ ok: true }));
  app.get("/", (c) => c.redirect("/report"));
  return app;
}

function invalid(c: Context, status: 400 | 413 | 415, problems: Problem[]) {
  return c.json({ error: "invalid request", problems }, status);
}

/** Constant-time comparison, so the key cannot be guessed byte by byte from response times. */
function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
