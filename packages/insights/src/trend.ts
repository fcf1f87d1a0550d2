import type { SurveyResponse } from "@npskit/core";
import { groupBy } from "./group.js";
import { latestById } from "./latest.js";
import { nextPeriod, periodLabel, periodStart, type Period } from "./periods.js";
import { summarize, type NpsSummary } from "./summary.js";

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
  const buckets = groupBy(latestById(responses), (r) => {
    const t = Date.parse(r.createdAt);
    return Number.isNaN(t) ? undefined : periodStart(t, period);
  });
  if (buckets.size === 0) return [];
  const starts = [...buckets.keys()];
  const last = Math.max(...starts);
  const points: TrendPoint[] = [];
  for (let start = Math.min(...starts); start <= last; start = nextPeriod(start, period)) {
    const summary = summarize(buckets.get(start) ?? []);
    points.push({ period: periodLabel(start, period), start: new Date(start).toISOString(), ...summary });
  }
  return points;
}
