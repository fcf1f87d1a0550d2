// Everything a report shows, computed with @npskit/insights: `analyzeStored` from what the database
// counts and sums (aggregates.ts), `analyze` from the responses themselves, the reference it must equal.
import { CATEGORIES, type Category, type SurveyResponse } from "@npskit/core";
import {
  bySegment,
  cesOfCounts,
  csatOfCounts,
  detractorsToContact,
  npsDifference,
  numericAttribute,
  rateBySegmentOfCounts,
  rateOfCounts,
  rateTrendOfCounts,
  responseRate,
  responseRateBySegment,
  responseRateTrend,
  revenueAtRisk,
  revenueAtRiskOf,
  segmentName,
  segmentsOfCounts,
  summarize,
  summarizeCounts,
  summarizeCes,
  summarizeCsat,
  themes,
  trend,
  trendOfCounts,
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
import {
  firstNumericAttribute,
  latestCommented,
  recentAttributes,
  respondents,
  scoreCountsByAttribute,
  scoreCountsByDay,
  statusCountsByAttribute,
  statusCountsByDay,
  VALUE_ATTRIBUTES,
} from "./aggregates.js";
import type { Db } from "./db.js";
import type { ReportQuery } from "./query.js";

const LATEST_COMMENTS = 5;

const DETRACTORS = 10;

/** Themes come from the most recent comments of each category, at most this many (bounded work at any size). */
export const THEME_COMMENTS = 1000;

/** Segments are offered from the attributes of the most recent responses, at most this many. */
export const ATTRIBUTE_SAMPLE = 5000;

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
  change:
    | ({
        period: string;
        nps: number;
        total: number;
        previousPeriod: string;
        previousNps: number;
        previousTotal: number;
      } & NpsDifference)
    | null;
}

export function analyze(responses: readonly SurveyResponse[], query: ReportQuery): Analysis {
  const valueAttribute =
    query.value ?? VALUE_ATTRIBUTES.find((key) => responses.some((r) => numericAttribute(key)(r) !== undefined));
  const value = valueAttribute ? numericAttribute(valueAttribute) : undefined;
  const points = trend(responses, query.period);
  return {
    nps: summarize(responses),
    csat: summarizeCsat(responses),
    ces: summarizeCes(responses),
    segments: query.segment
      ? {
          attribute: query.segment,
          rows: bySegment(responses, query.segment),
          responseRates: responseRateBySegment(responses, query.segment),
        }
      : null,
    responseRate: {
      ...responseRate(responses),
      byPeriod: responseRateTrend(responses, query.period).map(({ start: _, ...rate }) => rate),
    },
    trend: { period: query.period, points },
    themes: themes(responses),
    revenueAtRisk:
      valueAttribute && value
        ? {
            attribute: valueAttribute,
            ...(query.currency ? { currency: query.currency } : {}),
            ...revenueAtRisk(responses, value),
          }
        : null,
    latestComments: latestComments(responses),
    detractors: detractorsToContact(responses, value ? { value, limit: DETRACTORS } : { limit: DETRACTORS }),
    change: change(points),
  };
}

/** `analyze` of the stored responses matching the query, from database aggregates. */
export async function analyzeStored(db: Db, query: ReportQuery): Promise<Analysis> {
  const { filter } = query;
  // One query at a time: the embedded database has a single connection anyway.
  const counts = await scoreCountsByDay(db, filter);
  const displays = await statusCountsByDay(db, filter);
  const valueAttribute = query.value ?? (await firstNumericAttribute(db, filter, VALUE_ATTRIBUTES));
  const people = await respondents(db, filter, valueAttribute, DETRACTORS);
  const segmentCounts = query.segment ? await scoreCountsByAttribute(db, filter, query.segment) : [];
  const segmentDisplays = query.segment ? await statusCountsByAttribute(db, filter, query.segment) : [];
  const commented: Record<Category, SurveyResponse[]> = { promoter: [], passive: [], detractor: [] };
  for (const category of CATEGORIES) commented[category] = await latestCommented(db, filter, category, THEME_COMMENTS);
  const points = trendOfCounts(counts, query.period);
  const value = valueAttribute ? numericAttribute(valueAttribute) : undefined;
  const inSegment = <T extends { value: unknown }>({ value, ...count }: T) => ({
    ...count,
    segment: segmentName(value),
  });
  return {
    nps: summarizeCounts(counts),
    csat: csatOfCounts(counts),
    ces: cesOfCounts(counts),
    segments: query.segment
      ? {
          attribute: query.segment,
          rows: segmentsOfCounts(segmentCounts.map(inSegment)),
          responseRates: rateBySegmentOfCounts(segmentDisplays.map(inSegment)),
        }
      : null,
    responseRate: {
      ...rateOfCounts(displays),
      byPeriod: rateTrendOfCounts(displays, query.period).map(({ start: _, ...rate }) => rate),
    },
    trend: { period: query.period, points },
    themes: themes(CATEGORIES.flatMap((c) => commented[c])),
    revenueAtRisk: valueAttribute
      ? {
          attribute: valueAttribute,
          ...(query.currency ? { currency: query.currency } : {}),
          ...revenueAtRiskOf(people.values),
        }
      : null,
    latestComments: {
      promoter: commented.promoter.slice(0, LATEST_COMMENTS),
      passive: commented.passive.slice(0, LATEST_COMMENTS),
      detractor: commented.detractor.slice(0, LATEST_COMMENTS),
    },
    detractors: detractorsToContact(people.detractors, value ? { value, limit: DETRACTORS } : { limit: DETRACTORS }),
    change: change(points),
  };
}

/** `segmentableAttributes` of the most recent matching responses (bounded work at any size). */
export async function storedSegmentableAttributes(db: Db, filter: ReportQuery["filter"]): Promise<string[]> {
  return segmentableAttributes(await recentAttributes(db, filter, ATTRIBUTE_SAMPLE));
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
  const withComment = newestFirst(
    responses.filter((r) => r.comment?.trim()),
    (r) => r.updatedAt,
  );
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
export function segmentableAttributes(responses: readonly Pick<SurveyResponse, "attributes">[]): string[] {
  const values = new Map<string, Set<unknown>>(commonAttributeKeys(responses).map((key) => [key, new Set()]));
  for (const r of responses) {
    for (const [key, value] of Object.entries(r.attributes ?? {})) values.get(key)?.add(value);
  }
  return [...values]
    .filter(([, seen]) => seen.size <= MAX_SEGMENTS)
    .map(([key]) => key)
    .sort();
}
