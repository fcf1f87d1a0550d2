import type { SurveyResponse } from "@npskit/core";
import { wilson } from "./interval.js";
import { latestById } from "./latest.js";
import { round1 } from "./round.js";
import { groupBySegment } from "./segments.js";
import { byPeriod, type Period } from "./trend.js";

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
  return { ...counts, rate: round1((counts.answered * 100) / counts.shown), low: round1(low * 100), high: round1(high * 100) };
}

/**
 * How many displays were answered, from the latest state of each record. Only records with a
 * `status` count: they come from an SDK that records displays; answers without one (impressions
 * off, or an earlier SDK) have no display to put them against, so they are left out of the rate.
 */
export function responseRate(responses: readonly SurveyResponse[]): ResponseRate {
  const counts: RateCounts = { shown: 0, dismissed: 0, answered: 0, completed: 0 };
  for (const { status } of latestById(responses)) {
    if (!status) continue;
    counts.shown++;
    if (status === "dismissed") counts.dismissed++;
    if (status === "answered" || status === "completed") counts.answered++;
    if (status === "completed") counts.completed++;
  }
  return rateOf(counts);
}

/** The response rate per value of one attribute (e.g. `plan`), most displays first; segments without displays are left out. */
export function responseRateBySegment(responses: readonly SurveyResponse[], attributeKey: string): ({ segment: string } & ResponseRate)[] {
  return [...groupBySegment(responses, attributeKey)]
    .map(([segment, group]) => ({ segment, ...responseRate(group) }))
    .filter((s) => s.shown > 0)
    .sort((a, b) => b.shown - a.shown || a.segment.localeCompare(b.segment));
}

/** The response rate per calendar period (UTC) of the display, oldest first. */
export const responseRateTrend = (responses: readonly SurveyResponse[], period: Period): ({ period: string; start: string } & ResponseRate)[] =>
  byPeriod(responses, period, responseRate);
