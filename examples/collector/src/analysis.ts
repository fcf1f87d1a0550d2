// Everything a report shows, computed once from the stored responses with @npskit/insights.
import type { Category, SurveyResponse } from "@npskit/core";
import {
  bySegment,
  detractorsToContact,
  npsDifference,
  numericAttribute,
  responseRate,
  responseRateBySegment,
  responseRateTrend,
  revenueAtRisk,
  summarize,
  summarizeCes,
  summarizeCsat,
  themes,
  trend,
  type Detractor,
  type NpsDifference,
  type NpsSummary,
  type ResponseRate,
  type RevenueAtRisk,
  type ScaleSummary,
  type SegmentSummary,
  type Themes,
  type TrendPoint,
} from "@npskit/insights";
import { commonAttributeKeys } from "./attribute-keys.js";
import type { ReportQuery } from "./query.js";

/** Attributes tried, in order, for revenue at risk when the query names none. */
export const VALUE_ATTRIBUTES = ["ltv", "mrr", "arr", "revenue"];

const LATEST_COMMENTS = 5;

/** Attributes with more distinct values than this (ids, LTV amounts) make no useful segments. */
const MAX_SEGMENTS = 20;

export interface Analysis {
  nps: NpsSummary;
  csat: ScaleSummary;
  ces: ScaleSummary;
  segments: { attribute: string; rows: SegmentSummary[]; responseRates: ({ segment: string } & ResponseRate)[] } | null;
  /** Recorded displays and how many were answered: overall and per trend period. */
  responseRate: ResponseRate & { byPeriod: ({ period: string } & ResponseRate)[] };
  trend: { period: ReportQuery["period"]; points: TrendPoint[] };
  themes: Themes;
  /** `currency` (ISO 4217) when the query or the collector's setting names one. */
  revenueAtRisk: ({ attribute: string; currency?: string } & RevenueAtRisk) | null;
  latestComments: Record<Category, SurveyResponse[]>;
  /** Respondents whose latest answer is a detractor, the most valuable first. */
  detractors: Detractor[];
  /** NPS of the last period with answers against the one before it. */
  change: ({ period: string; nps: number; total: number; previousPeriod: string; previousNps: number; previousTotal: number } & NpsDifference) | null;
}

export function analyze(responses: readonly SurveyResponse[], query: ReportQuery): Analysis {
  const valueAttribute = query.value ?? VALUE_ATTRIBUTES.find((key) => responses.some((r) => numericAttribute(key)(r) !== undefined));
  const value = valueAttribute ? numericAttribute(valueAttribute) : undefined;
  const points = trend(responses, query.period);
  return {
    nps: summarize(responses),
    csat: summarizeCsat(responses),
    ces: summarizeCes(responses),
    segments: query.segment
      ? { attribute: query.segment, rows: bySegment(responses, query.segment), responseRates: responseRateBySegment(responses, query.segment) }
      : null,
    responseRate: { ...responseRate(responses), byPeriod: responseRateTrend(responses, query.period).map(({ start: _, ...rate }) => rate) },
    trend: { period: query.period, points },
    themes: themes(responses),
    revenueAtRisk: valueAttribute && value ? { attribute: valueAttribute, ...(query.currency ? { currency: query.currency } : {}), ...revenueAtRisk(responses, value) } : null,
    latestComments: latestComments(responses),
    detractors: detractorsToContact(responses, value ? { value } : {}),
    change: change(points),
  };
}

function change(points: readonly TrendPoint[]): Analysis["change"] {
  const [previous, last] = points.filter((p) => p.nps !== null).slice(-2);
  const difference = previous && last ? npsDifference(last, previous) : null;
  if (!previous || !last || !difference) return null;
  return {
    period: last.period,
    nps: last.nps as number,
    total: last.total,
    previousPeriod: previous.period,
    previousNps: previous.nps as number,
    previousTotal: previous.total,
    ...difference,
  };
}

function latestComments(responses: readonly SurveyResponse[]): Record<Category, SurveyResponse[]> {
  const withComment = newestFirst(responses.filter((r) => r.comment?.trim()), (r) => r.updatedAt);
  const of = (category: Category) => withComment.filter((r) => r.category === category).slice(0, LATEST_COMMENTS);
  return { promoter: of("promoter"), passive: of("passive"), detractor: of("detractor") };
}

/** Sorted by a timestamp, newest first; each timestamp parsed once (sorting 20k by parsing in the comparator takes seconds). */
function newestFirst<T>(items: readonly T[], at: (item: T) => string): T[] {
  return items
    .map((item) => ({ item, t: Date.parse(at(item)) }))
    .sort((a, b) => b.t - a.t)
    .map(({ item }) => item);
}

/** Attribute keys worth offering as segments: common ones with few distinct values (plan, country, role…). */
export function segmentableAttributes(responses: readonly SurveyResponse[]): string[] {
  const values = new Map<string, Set<unknown>>(commonAttributeKeys(responses).map((key) => [key, new Set()]));
  for (const r of responses) {
    for (const [key, value] of Object.entries(r.attributes ?? {})) values.get(key)?.add(value);
  }
  return [...values].filter(([, seen]) => seen.size <= MAX_SEGMENTS).map(([key]) => key).sort();
}
