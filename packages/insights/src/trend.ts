import type { SurveyResponse } from "@npskit/core";
import { groupBy } from "./group.js";
import { latestById } from "./latest.js";
import { nextPeriod, periodLabel, periodStart, type Period } from "./periods.js";
import { countOne, hasScore, MIN_ANSWERS, summarizeCounts, type NpsSummary, type ScoreCount } from "./summary.js";

export type { Period } from "./periods.js";

export interface TrendPoint extends NpsSummary {
  /** `2026-W48` (ISO week), `2026-11` or `2026-Q4`. */
  period: string;
  /** First instant of the period, ISO 8601 UTC. */
  start: string;
  /** Fewer answers than the minimum (default 30): a tentative point, not a confident one. */
  small: boolean;
}

/**
 * Each calendar period (UTC) from the first to the last of the items' times (`at`, ms: a response's
 * `createdAt`, or the UTC day of counts, which falls in one period), with `summary(items of that
 * period)`, oldest first; periods without items in between get `summary([])` so a chart shows the
 * gap instead of hiding it.
 */
export function periodsOf<T, S>(
  items: Iterable<T>,
  at: (item: T) => number,
  period: Period,
  summary: (group: T[]) => S,
): ({ period: string; start: string } & S)[] {
  const buckets = groupBy(items, (item) => {
    const t = at(item);
    return Number.isNaN(t) ? undefined : periodStart(t, period);
  });
  if (buckets.size === 0) return [];
  const starts = [...buckets.keys()];
  const last = Math.max(...starts);
  const points: ({ period: string; start: string } & S)[] = [];
  for (let start = Math.min(...starts); start <= last; start = nextPeriod(start, period)) {
    points.push({
      period: periodLabel(start, period),
      start: new Date(start).toISOString(),
      ...summary(buckets.get(start) ?? []),
    });
  }
  return points;
}

/** Score counts at a time (ms), e.g. per UTC day. */
export interface TimedScoreCount extends ScoreCount {
  at: number;
}

/** NPS per calendar period (UTC) of the moment each answer was given (`createdAt`), oldest first. */
export function trend(
  responses: readonly SurveyResponse[],
  period: Period,
  options: { minAnswers?: number } = {},
): TrendPoint[] {
  const counts = latestById(responses)
    .filter(hasScore)
    .map((r) => ({ ...countOne(r), at: Date.parse(r.createdAt) }));
  return trendOfCounts(counts, period, options);
}

/** `trend` from timed score counts. */
export function trendOfCounts(
  counts: Iterable<TimedScoreCount>,
  period: Period,
  options: { minAnswers?: number } = {},
): TrendPoint[] {
  const minAnswers = options.minAnswers ?? MIN_ANSWERS;
  return periodsOf(
    counts,
    (c) => c.at,
    period,
    (group) => {
      const summary = summarizeCounts(group);
      return { ...summary, small: summary.total < minAnswers };
    },
  );
}
