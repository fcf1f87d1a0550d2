import type { ResponseStatus, SurveyResponse } from "@npskit/core";
import { wilson } from "./interval.js";
import { latestById } from "./latest.js";
import { round1 } from "./round.js";
import { groupBy } from "./group.js";
import { segmentOf } from "./segments.js";
import { periodsOf, type Period } from "./trend.js";

/** What became of recorded survey displays. */
export interface RateCounts {
  /** Displays recorded (every record with a `status`). */
  shown: number;
  /** Closed before a score. */
  dismissed: number;
  /** Given a score (`answered` or `completed`). */
  answered: number;
  /** Answered and the follow-up sent or skipped. */
  completed: number;
}

export interface ResponseRate extends RateCounts {
  /** `answered / shown` in percent (one decimal); `null` without a recorded display. */
  rate: number | null;
  /** 95% Wilson interval of `rate` (one decimal). */
  low: number | null;
  high: number | null;
}

/** The response rate and its interval from counts: the one definition, also for counts from SQL. */
export function rateOf(counts: RateCounts): ResponseRate {
  if (counts.shown === 0) return { ...counts, rate: null, low: null, high: null };
  const { low, high } = wilson(counts.answered, counts.shown);
  return {
    ...counts,
    rate: round1((counts.answered * 100) / counts.shown),
    low: round1(low * 100),
    high: round1(high * 100),
  };
}

/**
 * How many displays were answered, from the latest state of each record. Only records with a
 * `status` count: they come from an SDK that records displays; answers without one (impressions
 * off, or an earlier SDK) have no display to put them against, so they are left out of the rate.
 */
export function responseRate(responses: readonly SurveyResponse[]): ResponseRate {
  return rateOfCounts(statusCounts(latestById(responses)));
}

/** How many displays ended in a status: what a database hands over instead of the records. */
export interface StatusCount {
  status: ResponseStatus;
  n: number;
}

/** Each record with a `status` as a count of one (records without one are no display). */
const statusCounts = (responses: readonly SurveyResponse[]): StatusCount[] =>
  responses.flatMap((r) => (r.status ? [{ status: r.status, n: 1 }] : []));

/** `responseRate` from counts of each display's latest status. */
export function rateOfCounts(counts: Iterable<StatusCount>): ResponseRate {
  const sums: RateCounts = { shown: 0, dismissed: 0, answered: 0, completed: 0 };
  for (const { status, n } of counts) {
    sums.shown += n;
    if (status === "dismissed") sums.dismissed += n;
    if (status === "answered" || status === "completed") sums.answered += n;
    if (status === "completed") sums.completed += n;
  }
  return rateOf(sums);
}

/** The response rate per value of one attribute (e.g. `plan`), most displays first; segments without displays are left out. */
export function responseRateBySegment(
  responses: readonly SurveyResponse[],
  attributeKey: string,
): ({ segment: string } & ResponseRate)[] {
  return rateBySegmentOfCounts(
    latestById(responses).flatMap((r) =>
      r.status ? [{ status: r.status, n: 1, segment: segmentOf(attributeKey)(r) }] : [],
    ),
  );
}

/** `responseRateBySegment` from status counts per segment. */
export function rateBySegmentOfCounts(
  counts: Iterable<StatusCount & { segment: string }>,
): ({ segment: string } & ResponseRate)[] {
  return [...groupBy(counts, (c) => c.segment)]
    .map(([segment, group]) => ({ segment, ...rateOfCounts(group) }))
    .filter((s) => s.shown > 0)
    .sort((a, b) => b.shown - a.shown || a.segment.localeCompare(b.segment));
}

/** The response rate per calendar period (UTC) of the display, oldest first. */
export const responseRateTrend = (
  responses: readonly SurveyResponse[],
  period: Period,
): ({ period: string; start: string } & ResponseRate)[] =>
  rateTrendOfCounts(
    latestById(responses).flatMap((r) => (r.status ? [{ status: r.status, n: 1, at: Date.parse(r.createdAt) }] : [])),
    period,
  );

/** `responseRateTrend` from status counts at a time (ms), e.g. per UTC day. */
export const rateTrendOfCounts = (
  counts: Iterable<StatusCount & { at: number }>,
  period: Period,
): ({ period: string; start: string } & ResponseRate)[] => periodsOf(counts, (c) => c.at, period, rateOfCounts);
