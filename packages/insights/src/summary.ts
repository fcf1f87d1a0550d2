import { categoryOf, isValidScore, type SurveyKind, type SurveyResponse } from "@npskit/core";
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
  /** 95% margin of error in NPS points (one decimal); `null` when there is no answer. */
  marginOfError: number | null;
}

/** The kinds scored as NPS (0–10, promoters minus detractors). */
export const NPS_KINDS: ReadonlySet<SurveyKind> = new Set(["nps", "enps"]);

/** Responses of the given kinds whose score is valid for their scale, latest state per id. */
export function scored(responses: readonly SurveyResponse[], kinds: ReadonlySet<SurveyKind>): SurveyResponse[] {
  return latestById(responses).filter((r) => kinds.has(r.kind) && isValidScore(r.kind, r.score));
}

/**
 * Net Promoter Score of NPS and eNPS responses (CSAT/CES have their own summaries, see
 * `summarizeCsat`/`summarizeCes`). Incomplete responses count: the score is the answer, the
 * comment is optional. The category is recomputed from the score rather than trusted.
 */
export function summarize(responses: readonly SurveyResponse[]): NpsSummary {
  return summarizeCounts(latestById(responses).map(countOne));
}

/**
 * How many answers of a kind gave a score: what a database hands over instead of the rows. Every
 * summary here is defined on these counts; the response-based functions count the latest state of
 * each response (`countOne`).
 */
export interface ScoreCount {
  kind: SurveyKind;
  score: number;
  n: number;
}

/** One response as a count of one. */
export const countOne = (r: Pick<SurveyResponse, "kind" | "score">): ScoreCount => ({ kind: r.kind, score: r.score, n: 1 });

/** `summarize` from score counts: NPS/eNPS counts with a valid score, by category. */
export function summarizeCounts(counts: Iterable<ScoreCount>): NpsSummary {
  const byCategory = { promoter: 0, passive: 0, detractor: 0 };
  for (const c of counts) if (NPS_KINDS.has(c.kind) && isValidScore(c.kind, c.score)) byCategory[categoryOf(c.kind, c.score)] += c.n;
  return npsOf(byCategory.promoter, byCategory.passive, byCategory.detractor);
}

/** NPS and its margin from category counts. */
export function npsOf(promoters: number, passives: number, detractors: number): NpsSummary {
  const total = promoters + passives + detractors;
  if (total === 0) return { total, promoters, passives, detractors, nps: null, marginOfError: null };
  const p = promoters / total;
  const d = detractors / total;
  // Variance of the per-answer score (+1 promoter, 0 passive, −1 detractor) is p + d − (p − d)².
  const variance = Math.max(0, p + d - (p - d) ** 2);
  return {
    total,
    promoters,
    passives,
    detractors,
    nps: round1(((promoters - detractors) * 100) / total),
    marginOfError: round1(1.96 * 100 * Math.sqrt(variance / total)),
  };
}
