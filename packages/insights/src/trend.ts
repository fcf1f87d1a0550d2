import type { SurveyResponse } from "@npskit/core";
import { groupBy } from "./group.js";
import { latestById } from "./latest.js";
import { nextPeriod, periodLabel, periodStart, type Period } from "./periods.js";
import { MIN_ANSWERS, summarize, type NpsSummary } from "./summary.js";

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
 * Each calendar period (UTC) from the first to the last of the responses' `createdAt`, with
 * `summary(responses of that period)`, oldest first; periods without responses in between get
 * `summary([])` so a chart shows the gap instead of hiding it.
 */
export function byPeriod<S>(responses: readonly SurveyResponse[], period: Period, summary: (group: SurveyResponse[]) => S): ({ period: string; start: string } & S)[] {
  const buckets = groupBy(latestById(responses), (r) => {
    const t = Date.parse(r.createdAt);
    return Number.isNaN(t) ? undefined : periodStart(t, period);
  });
  if (buckets.size === 0) return [];
  const starts = [...buckets.keys()];
  const last = Math.max(...starts);
  const points: ({ period: string; start: string } & S)[] = [];
  for (let start = Math.min(...starts); start <= last; start = nextPeriod(start, period)) {
    points.push({ period: periodLabel(start, period), start: new Date(start).toISOString(), ...summary(buckets.get(start) ?? []) });
  }
  return points;
}

/** NPS per calendar period (UTC) of the moment each answer was given (`createdAt`), oldest first. */
export function trend(responses: readonly SurveyResponse[], period: Period, options: { minAnswers?: number } = {}): TrendPoint[] {
  const minAnswers = options.minAnswers ?? MIN_ANSWERS;
  return byPeriod(responses, period, (group) => {
    const summary = summarize(group);
    return { ...summary, small: summary.total < minAnswers };
  });
}
