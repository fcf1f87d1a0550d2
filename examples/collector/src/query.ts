// Query-string parameters shared by the summary API, the report and the export.
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
/** Attribute keys are whatever the host app passed to `identify`: any text without control characters. */
const KEY = /^[^\u0000-\u001f\u007f]{1,100}$/;

/** `from`/`to` take a date (`2026-11-30`, whole UTC day, `to` inclusive) or an ISO timestamp. */
export function parseReportQuery(params: Record<string, string | undefined>): QueryResult {
  const problems: Problem[] = [];
  const date = (name: "from" | "to") => {
    const raw = params[name]?.trim();
    if (!raw) return undefined;
    const t = Date.parse(DATE_ONLY.test(raw) ? `${raw}T00:00:00Z` : raw);
    if (Number.isNaN(t)) problems.push({ path: name, message: `must be a date like 2026-11-30, got "${raw}"` });
    // A bare `to` date includes that whole day.
    return new Date(name === "to" && DATE_ONLY.test(raw) ? t + 86_400_000 : t);
  };
  const key = (name: "segment" | "value") => {
    const raw = params[name]?.trim();
    if (raw && !KEY.test(raw)) problems.push({ path: name, message: "must be an attribute name (1 to 100 characters, no control characters)" });
    return raw || undefined;
  };
  const filter: ResponseFilter = { surveyId: params.surveyId?.trim() || undefined, from: date("from"), to: date("to") };
  const [segment, value] = [key("segment"), key("value")];
  const period = (params.period?.trim() || "month") as Period;
  if (!PERIODS.includes(period)) problems.push({ path: "period", message: `must be one of ${PERIODS.join(", ")}` });
  const currency = params.currency?.trim().toUpperCase() || undefined;
  if (currency && !isCurrency(currency)) problems.push({ path: "currency", message: `must be an ISO 4217 currency code like EUR or USD, got "${params.currency}"` });
  const query: ReportQuery = { filter, segment, value, period, ...(currency && isCurrency(currency) ? { currency } : {}) };
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
