import { categoryOf, isValidScore, type Category, type SurveyKind, type SurveyResponse } from "@npskit/core";
import { t95 } from "./interval.js";
import { latestById } from "./latest.js";
import { round1 } from "./round.js";

export interface NpsSummary {
  /** Answers counted: the latest state of each NPS/eNPS response with a valid score. */
  total: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** %promoters − %detractors, −100..100, one decimal; `null` when there is no answer. */
  nps: number | null;
  /** 95% interval of the NPS (one decimal), not symmetric around `nps`; `null` when there is no answer. */
  low: number | null;
  high: number | null;
  /** Half the width of `low..high` in NPS points (one decimal); `null` when there is no answer. */
  marginOfError: number | null;
}

/** A response with a score: the answer itself, not a display that was closed or is still open. */
export type ScoredResponse = SurveyResponse & { score: number; category: Category };

/** The kinds scored as NPS (0–10, promoters minus detractors). */
export const NPS_KINDS: ReadonlySet<SurveyKind> = new Set(["nps", "enps"]);

/** Responses of the given kinds whose score is valid for their scale, latest state per id. */
export function scored(responses: readonly SurveyResponse[], kinds: ReadonlySet<SurveyKind>): ScoredResponse[] {
  return latestById(responses).filter((r): r is ScoredResponse => kinds.has(r.kind) && hasScore(r));
}

/** The response carries a valid score for its kind (displays without an answer have `null`). */
export const hasScore = (r: SurveyResponse): r is ScoredResponse => r.score !== null && isValidScore(r.kind, r.score);

/**
 * Net Promoter Score of NPS and eNPS responses (CSAT/CES have their own summaries, see
 * `summarizeCsat`/`summarizeCes`). Incomplete responses count: the score is the answer, the
 * comment is optional. The category is recomputed from the score rather than trusted.
 */
export function summarize(responses: readonly SurveyResponse[]): NpsSummary {
  return summarizeCounts(scored(responses, NPS_KINDS).map(countOne));
}

/**
 * How many answers of a kind gave a score: what a database hands over instead of the rows. Every
 * summary here is defined on these counts; the response-based functions count the latest state of
 * each response that has a score (`countOne`).
 */
export interface ScoreCount {
  kind: SurveyKind;
  score: number;
  n: number;
}

/** One scored response as a count of one. */
export const countOne = (r: Pick<ScoredResponse, "kind" | "score">): ScoreCount => ({
  kind: r.kind,
  score: r.score,
  n: 1,
});

/** `summarize` from score counts: NPS/eNPS counts with a valid score, by category. */
export function summarizeCounts(counts: Iterable<ScoreCount>): NpsSummary {
  const byCategory = { promoter: 0, passive: 0, detractor: 0 };
  for (const c of counts)
    if (NPS_KINDS.has(c.kind) && isValidScore(c.kind, c.score)) byCategory[categoryOf(c.kind, c.score)] += c.n;
  return npsOf(byCategory.promoter, byCategory.passive, byCategory.detractor);
}

/**
 * NPS and its 95% interval from category counts: the one definition, also for counts computed
 * elsewhere (e.g. in SQL). The interval is the adjusted Wald (Rocks 2016): ¾ added to promoters
 * and to detractors, 3 to the total, with Student's t for n degrees of freedom instead of 1.96,
 * which keeps its coverage at 95% or more from 10 answers up (see the README's table), and wide
 * (never 0) for a handful of answers.
 */
export function npsOf(promoters: number, passives: number, detractors: number): NpsSummary {
  const total = promoters + passives + detractors;
  const counts = { total, promoters, passives, detractors };
  if (total === 0) return { ...counts, nps: null, low: null, high: null, marginOfError: null };
  const n = total + 3;
  const p = (promoters + 0.75) / n;
  const d = (detractors + 0.75) / n;
  // Variance of the per-answer score (+1 promoter, 0 passive, −1 detractor) is p + d − (p − d)².
  const half = t95(total) * Math.sqrt((p + d - (p - d) ** 2) / n);
  const low = Math.max(-1, p - d - half) * 100;
  const high = Math.min(1, p - d + half) * 100;
  return {
    ...counts,
    nps: round1(((promoters - detractors) * 100) / total),
    low: round1(low),
    high: round1(high),
    marginOfError: round1((high - low) / 2),
  };
}

/**
 * Fewer answers than this make a figure too uncertain to compare or to call a change: reports
 * show "not enough answers" and draw such points as tentative. Options named `minAnswers` change it.
 */
export const MIN_ANSWERS = 30;
