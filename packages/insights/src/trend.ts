import type { SurveyResponse } from "@npskit/core";
import { groupBy } from "./group.js";
import { latestById } from "./latest.js";
import { nextPeriod, periodLabel, periodStart, type Period } from "./periods.js";
import { countOne, summarizeCounts, type NpsSummary, type ScoreCount } from "./summary.js";

export type { Period } from "./periods.js";

export interface TrendPoint extends NpsSummary {
  /** `2026-W48` (ISO week), `2026-11` or `2026-Q4`. */
  period: string;
  /** First instant of the period, ISO 8601 UTC. */
  start: string;
}

/**
 * NPS per calendar period (UTC) of the moment each answer was given (`createdAt`), oldest first.
 * Periods without answers between the first and the last are included (total 0, nps null) so a
 * chart shows the gap instead of hiding it.
 */
export function trend(responses: readonly SurveyResponse[], period: Period): TrendPoint[] {
  return trendOfCounts(latestById(responses).map((r) => ({ ...countOne(r), at: Date.parse(r.createdAt) })), period);
}

/** Score counts at a time (ms), e.g. per UTC day: periods are whole UTC days, so a day's counts fall in one. */
export interface TimedScoreCount extends ScoreCount {
  at: number;
}

/** `trend` from timed score counts. */
export function trendOfCounts(counts: Iterable<TimedScoreCount>, period: Period): TrendPoint[] {
  const buckets = groupBy(counts, (c) => (Number.isNaN(c.at) ? undefined : periodStart(c.at, period)));
  if (buckets.size === 0) return [];
  const starts = [...buckets.keys()];
  const last = Math.max(...starts);
  const points: TrendPoint[] = [];
  for (let start = Math.min(...starts); start <= last; start = nextPeriod(start, period)) {
    const summary = summarizeCounts(buckets.get(start) ?? []);
    points.push({ period: periodLabel(start, period), start: new Date(start).toISOString(), ...summary });
  }
  return points;
}
