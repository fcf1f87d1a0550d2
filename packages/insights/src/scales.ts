import { isValidScore, type SurveyKind, type SurveyResponse } from "@npskit/core";
import { latestById } from "./latest.js";
import { round1 } from "./round.js";
import { countOne, type ScoreCount } from "./summary.js";

export interface ScaleSummary {
  /** Answers counted: the latest state of each response of this kind with a valid score. */
  total: number;
  /** Mean score (two decimals); `null` when there is no answer. */
  mean: number | null;
  /** Answers in the top box (CSAT 4–5 "satisfied", CES 5–7 "easy"). */
  good: number;
  /** Share of top-box answers in percent (one decimal); `null` when there is no answer. */
  goodPercent: number | null;
}

function summarizeScale(counts: Iterable<ScoreCount>, kind: SurveyKind, isGood: (score: number) => boolean): ScaleSummary {
  let total = 0;
  let sum = 0;
  let good = 0;
  for (const c of counts) {
    if (c.kind !== kind || !isValidScore(kind, c.score)) continue;
    total += c.n;
    sum += c.score * c.n;
    if (isGood(c.score)) good += c.n;
  }
  if (total === 0) return { total, mean: null, good: 0, goodPercent: null };
  return { total, mean: Math.round((sum / total) * 100) / 100, good, goodPercent: round1((good * 100) / total) };
}

/** Customer satisfaction (1–5) from score counts: mean and % satisfied (4 or 5). */
export const csatOfCounts = (counts: Iterable<ScoreCount>): ScaleSummary => summarizeScale(counts, "csat", (s) => s >= 4);

/** Customer effort (1–7, 7 = very easy) from score counts: mean and % easy (5 or more). */
export const cesOfCounts = (counts: Iterable<ScoreCount>): ScaleSummary => summarizeScale(counts, "ces", (s) => s >= 5);

/** Customer satisfaction (1–5): mean and % satisfied (4 or 5). */
export const summarizeCsat = (responses: readonly SurveyResponse[]): ScaleSummary => csatOfCounts(latestById(responses).map(countOne));

/** Customer effort (1–7, 7 = very easy): mean and % easy (5 or more). */
export const summarizeCes = (responses: readonly SurveyResponse[]): ScaleSummary => cesOfCounts(latestById(responses).map(countOne));
