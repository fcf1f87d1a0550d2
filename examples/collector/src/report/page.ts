// The HTML report: one self-contained page (no script, no external asset), rendered on the server.
// Links are relative, so the collector also works mounted under a path prefix behind a proxy.
import type { Analysis } from "../analysis.js";
import type { ReportQuery } from "../query.js";
import type { Problem } from "../validate.js";
import { dateOnly } from "./format.js";
import { html, raw, type Html } from "./html.js";
import {
  commentsCard,
  detractorsCard,
  otherScalesCard,
  responseRateCard,
  revenueCard,
  scoreCard,
  segmentCard,
  themesCard,
  trendCard,
} from "./sections.js";
import { STYLE } from "./style.js";

export interface ReportInput {
  analysis: Analysis;
  query: ReportQuery;
  /** Survey ids to pick from. */
  surveys: readonly string[];
  /** Attribute keys seen in the responses, to segment by. */
  attributes: readonly string[];
  /** The query string as received, to build links that keep the other filters. */
  params: Record<string, string | undefined>;
  /** Parameters that were refused: the page then shows every answer, and says why. */
  problems?: readonly Problem[];
}

export function renderReport(input: ReportInput): string {
  const { analysis: a, query } = input;
  const title = query.filter.surveyId ? `NPS report · ${query.filter.surveyId}` : "NPS report · all surveys";
  const hrefFor = (segment: string) => `?${new URLSearchParams(clean({ ...input.params, segment })).toString()}`;
  const page = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><style>${raw(STYLE)}</style></head>
<body><main>
<header><h1>${title}</h1><span class="muted">${rangeText(query)}</span></header>
${notice(input.problems ?? [])}
${filters(input)}
<div class="top">${scoreCard(a)}${responseRateCard(a)}${revenueCard(a)}${otherScalesCard(a)}</div>
<div class="grid">
${trendCard(a)}
${segmentCard(a, input.attributes, hrefFor)}
${themesCard(a)}
${detractorsCard(a)}
${commentsCard(a)}
</div>
<p class="muted">These responses as <a href="${`api/export.csv?${exportParams(input.params)}`}">CSV</a> · the numbers as <a href="${`api/summary?${new URLSearchParams(clean(input.params)).toString()}`}">JSON</a></p>
</main></body></html>`;
  return page.value;
}

function filters({ query, surveys, attributes, params }: ReportInput): Html {
  const option = (value: string, label: string, selected: boolean) =>
    html`<option value="${value}"${selected ? raw(" selected") : ""}>${label}</option>`;
  return html`<form class="filters" method="get" action="report">
    <label>Survey <select name="surveyId">${option("", "All surveys", !query.filter.surveyId)}${surveys.map((s) => option(s, s, s === query.filter.surveyId))}</select></label>
    <label>From <input type="date" name="from" value="${params.from ?? ""}"></label>
    <label>To <input type="date" name="to" value="${params.to ?? ""}"></label>
    <label>Trend by <select name="period">${(["week", "month", "quarter"] as const).map((p) => option(p, p, p === query.period))}</select></label>
    <label>Segment <select name="segment">${option("", "None", !query.segment)}${attributes.map((k) => option(k, k, k === query.segment))}</select></label>
    ${(["value", "currency"] as const).map((k) => (params[k] ? html`<input type="hidden" name="${k}" value="${params[k]}">` : null))}
    <button type="submit">Update</button>
  </form>`;
}

function notice(problems: readonly Problem[]): Html | "" {
  if (!problems.length) return "";
  return html`<p class="notice" role="alert">Filters ignored, showing every answer: ${problems.map((p) => `${p.path} ${p.message}`).join("; ")}.</p>`;
}

function rangeText(query: ReportQuery): string {
  const { from, to } = query.filter;
  if (!from && !to) return "All time";
  return `${from ? dateOnly(from.toISOString()) : "…"} – ${to ? dateOnly(new Date(to.getTime() - 1).toISOString()) : "today"}`;
}

/** The export takes the survey and date filters of the report. */
function exportParams(params: Record<string, string | undefined>): string {
  return new URLSearchParams(clean({ surveyId: params.surveyId, from: params.from, to: params.to })).toString();
}

/** Drops empty parameters so links stay short. */
function clean(params: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter((e): e is [string, string] => !!e[1]));
}
