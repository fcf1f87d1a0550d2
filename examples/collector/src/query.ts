// Query-string parameters shared by the summary API, the report and the export: checked here, so
// a bad one is a 400 naming it (the report: a page with a notice), never a database error.
import { ANSWER_TIME_WINDOW, MAX_ATTRIBUTE_NAME } from "@npskit/core";
import type { Period } from "@npskit/insights";
import type { ResponseFilter } from "./store.js";
import type { Problem } from "./validate.js";

export interface ReportQuery {
  filter: ResponseFilter;
  /** Attribute to segment by (e.g. `plan`). */
  segment?: string | undefined;
  period: Period;
  /** Numeric attribute for revenue at risk (e.g. `ltv`); detected when absent. */
  value?: string | undefined;
  /** ISO 4217 currency of that attribute (e.g. `EUR`), for formatting; absent: plain numbers. */
  currency?: string | undefined;
}

export type QueryResult = { ok: true; query: ReportQuery } | { ok: false; problems: Problem[] };

const PERIODS: readonly Period[] = ["week", "month", "quarter"];
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;
/** Control characters and lone UTF-16 surrogates: never part of an id, a date or an attribute name. */
const UNPRINTABLE = /[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const DAY = 86_400_000;

/** `from`/`to` take a date (`2026-11-30`, whole UTC day, `to` inclusive) or an ISO timestamp, within 2000–2099. */
export function parseReportQuery(params: Record<string, string | undefined>): QueryResult {
  const problems: Problem[] = [];
  const text = (name: string, max: number, what: string) => {
    const raw = params[name]?.trim();
    if (raw && (UNPRINTABLE.test(raw) || raw.length > max))
      problems.push({ path: name, message: `must be ${what} (1 to ${max} characters, no control characters)` });
    return raw || undefined;
  };
  const date = (name: "from" | "to") => {
    const raw = text(name, 40, "a date like 2026-11-30");
    if (!raw || problems.some((p) => p.path === name)) return undefined;
    const dateOnly = DATE_ONLY.test(raw);
    const t = dateOnly || TIMESTAMP.test(raw) ? Date.parse(dateOnly ? `${raw}T00:00:00Z` : raw) : NaN;
    // Date.parse rolls 2026-02-31 over to March: a date must read back as written.
    const real = !Number.isNaN(t) && (!dateOnly || new Date(t).toISOString().startsWith(raw));
    if (!real)
      problems.push({ path: name, message: `must be a date like 2026-11-30 or an ISO timestamp, got "${raw}"` });
    else if (t < ANSWER_TIME_WINDOW.from || t >= ANSWER_TIME_WINDOW.to)
      problems.push({ path: name, message: `must be between 2000-01-01 and 2099-12-31, got "${raw}"` });
    else return new Date(name === "to" && dateOnly ? t + DAY : t); // a bare `to` date includes that whole day
    return undefined;
  };
  const filter: ResponseFilter = { surveyId: text("surveyId", 100, "a survey id"), from: date("from"), to: date("to") };
  const segment = text("segment", MAX_ATTRIBUTE_NAME, "an attribute name");
  const value = text("value", MAX_ATTRIBUTE_NAME, "an attribute name");
  const period = (text("period", 20, "week, month or quarter") ?? "month") as Period;
  if (!PERIODS.includes(period) && !problems.some((p) => p.path === "period"))
    problems.push({ path: "period", message: `must be one of ${PERIODS.join(", ")}` });
  const currency = params.currency?.trim().toUpperCase() || undefined;
  if (currency && !isCurrency(currency))
    problems.push({
      path: "currency",
      message: `must be an ISO 4217 currency code like EUR or USD, got "${params.currency}"`,
    });
  const query: ReportQuery = {
    filter,
    segment,
    value,
    period,
    ...(currency && isCurrency(currency) ? { currency } : {}),
  };
  return problems.length ? { ok: false, problems } : { ok: true, query };
}

/** A three-letter code that `Intl.NumberFormat` knows as a currency. */
export function isCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  try {
    return Intl.supportedValuesOf("currency").includes(code);
  } catch {
    return false;
  }
}
