import { isValidScore, SCALES, type SurveyKind, type SurveyResponse } from "@npskit/core";
import { t95, wilson } from "./interval.js";
import { round1 } from "./round.js";
import { countOne, scored, type ScoreCount } from "./summary.js";

export interface ScaleSummary {
  /** Answers counted: the latest state of each response of this kind with a valid score. */
  total: number;
  /** Mean score (two decimals); `null` when there is no answer. */
  mean: number | null;
  /** 95% t-interval of the mean (two decimals, within the scale; the whole scale for one answer). */
  meanLow: number | null;
  meanHigh: number | null;
  /** Answers in the top box (CSAT 4–5 "satisfied", CES 5–7 "easy"). */
  good: number;
  /** Share of top-box answers in percent (one decimal); `null` when there is no answer. */
  goodPercent: number | null;
  /** 95% Wilson interval of `goodPercent` (one decimal). */
  goodLow: number | null;
  goodHigh: number | null;
}

/** What a scale summary is computed from: sums that SQL (or any store) can also aggregate. */
export interface ScaleCounts {
  total: number;
  /** Sum of the scores. */
  sum: number;
  /** Sum of the squared scores. */
  sumOfSquares: number;
  /** Top-box answers. */
  good: number;
}

/** Top box of each scale: CSAT 4–5 "satisfied", CES 5–7 "easy". */
const TOP_BOX = { csat: 4, ces: 5 } as const;

const round2 = (x: number) => Math.round(x * 100) / 100;

/** A CSAT or CES summary with its intervals from sums: the one definition, also for counts from SQL. */
export function scaleOf(kind: SurveyKind, { total, sum, sumOfSquares, good }: ScaleCounts): ScaleSummary {
  if (total === 0)
    return {
      total,
      mean: null,
      meanLow: null,
      meanHigh: null,
      good: 0,
      goodPercent: null,
      goodLow: null,
      goodHigh: null,
    };
  const [min, max] = SCALES[kind];
  const mean = sum / total;
  // One answer says nothing about the spread: the mean could be anywhere on the scale.
  const half =
    total > 1
      ? t95(total - 1) * Math.sqrt(Math.max(0, (sumOfSquares - total * mean ** 2) / (total - 1)) / total)
      : Infinity;
  const share = wilson(good, total);
  return {
    total,
    mean: round2(mean),
    meanLow: round2(Math.max(min, mean - half)),
    meanHigh: round2(Math.min(max, mean + half)),
    good,
    goodPercent: round1((good * 100) / total),
    goodLow: round1(share.low * 100),
    goodHigh: round1(share.high * 100),
  };
}

/** Score counts of one scale as the sums its summary is computed from. */
function scaleCounts(counts: Iterable<ScoreCount>, kind: "csat" | "ces"): ScaleCounts {
  const sums: ScaleCounts = { total: 0, sum: 0, sumOfSquares: 0, good: 0 };
  for (const c of counts) {
    if (c.kind !== kind || !isValidScore(kind, c.score)) continue;
    sums.total += c.n;
    sums.sum += c.score * c.n;
    sums.sumOfSquares += c.score ** 2 * c.n;
    if (c.score >= TOP_BOX[kind]) sums.good += c.n;
  }
  return sums;
}

/** Customer satisfaction (1–5) from score counts: mean and % satisfied (4 or 5), each with its 95% interval. */
export const csatOfCounts = (counts: Iterable<ScoreCount>): ScaleSummary =>
  scaleOf("csat", scaleCounts(counts, "csat"));

/** Customer effort (1–7, 7 = very easy) from score counts: mean and % easy (5 or more), each with its 95% interval. */
export const cesOfCounts = (counts: Iterable<ScoreCount>): ScaleSummary => scaleOf("ces", scaleCounts(counts, "ces"));

/** Customer satisfaction (1–5): mean and % satisfied (4 or 5), each with its 95% interval. */
export const summarizeCsat = (responses: readonly SurveyResponse[]): ScaleSummary =>
  csatOfCounts(scored(responses, new Set(["csat"])).map(countOne));

/** Customer effort (1–7, 7 = very easy): mean and % easy (5 or more), each with its 95% interval. */
export const summarizeCes = (responses: readonly SurveyResponse[]): ScaleSummary =>
  cesOfCounts(scored(responses, new Set(["ces"])).map(countOne));
