import { categoryOf, type SurveyResponse } from "@npskit/core";
import { latestBy } from "./latest.js";
import type { ValueOf } from "./revenue.js";
import { NPS_KINDS, scored, type ScoredResponse } from "./summary.js";

/** Who answered: the user id, else the anonymous id (prefixed so the two never collide). */
export const respondentOf = (r: SurveyResponse): string => (r.userId ? `user:${r.userId}` : `anon:${r.anonymousId}`);

/**
 * Each respondent's latest NPS/eNPS answer (by `createdAt`, latest state per id first): a customer
 * who was a detractor in spring and a promoter now is a promoter.
 */
export function latestByRespondent(responses: readonly SurveyResponse[]): ScoredResponse[] {
  return latestBy(scored(responses, NPS_KINDS), respondentOf, (r) => Date.parse(r.createdAt));
}

/** Ties broken by respondent, in code-unit order, so any store can list them in the same order. */
const byRespondent = (a: SurveyResponse, b: SurveyResponse) => {
  const [x, y] = [respondentOf(a), respondentOf(b)];
  return x < y ? -1 : x > y ? 1 : 0;
};

export interface Detractor {
  response: SurveyResponse;
  /** The respondent's value (e.g. LTV) when `value` is given and they have one. */
  value?: number;
}

/**
 * Detractors worth a call: respondents whose latest answer is a detractor, the most valuable first
 * (when `value` reads e.g. their LTV), then the most recent.
 */
export function detractorsToContact(
  responses: readonly SurveyResponse[],
  options: { value?: ValueOf; limit?: number } = {},
): Detractor[] {
  const { value: amountOf, limit = 10 } = options;
  return latestByRespondent(responses)
    .filter((r) => categoryOf(r.kind, r.score) === "detractor")
    .map((response) => ({ response, value: amountOf?.(response), at: Date.parse(response.createdAt) }))
    .sort(
      (a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || b.at - a.at || byRespondent(a.response, b.response),
    )
    .slice(0, limit)
    .map(({ response, value }) =>
      value === undefined || !Number.isFinite(value) ? { response } : { response, value },
    );
}
