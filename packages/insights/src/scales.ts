import type { SurveyKind, SurveyResponse } from "@npskit/core";
import { round1 } from "./round.js";
import { scored } from "./summary.js";

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

function summarizeScale(responses: readonly SurveyResponse[], kind: SurveyKind, isGood: (score: number) => boolean): ScaleSummary {
  const answers = scored(responses, new Set([kind]));
  const total = answers.length;
  if (total === 0) return { total, mean: null, good: 0, goodPercent: null };
  const sum = answers.reduce((acc, r) => acc + r.score, 0);
  const good = answers.filter((r) => isGood(r.score)).length;
  return { total, mean: Math.round((sum / total) * 100) / 100, good, goodPercent: round1((good * 100) / total) };
}

/** Customer satisfaction (1–5): mean and % satisfied (4 or 5). */
export const summarizeCsat = (responses: readonly SurveyResponse[]): ScaleSummary =>
  summarizeScale(responses, "csat", (s) => s >= 4);

/** Customer effort (1–7, 7 = very easy): mean and % easy (5 or more). */
export const summarizeCes = (responses: readonly SurveyResponse[]): ScaleSummary =>
  summarizeScale(responses, "ces", (s) => s >= 5);
