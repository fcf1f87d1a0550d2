// Builds the wire-format response (CONTRACT §4): the score is saved the moment it is picked
// (complete: false); the comment later updates the same id (complete: true).
import { categoryOf, type SurveyKind, type SurveyResponse } from "@npskit/core/runtime";
import type { Attributes } from "./api.js";
import { SDK } from "./version.js";

export interface Respondent {
  userId: string | null;
  anonymousId: string;
  attributes: Attributes;
  url: string;
  locale: string;
}

/** `id` is a new random UUID (core's randomId, passed in so the UI chunk does not carry a copy). */
export function scoredResponse(id: string, survey: { id: string; kind: SurveyKind }, score: number, who: Respondent, now: number): SurveyResponse {
  const at = new Date(now).toISOString();
  return {
    id,
    surveyId: survey.id,
    kind: survey.kind,
    score,
    category: categoryOf(survey.kind, score),
    complete: false,
    userId: who.userId,
    anonymousId: who.anonymousId,
    attributes: { ...who.attributes },
    url: who.url,
    locale: who.locale,
    createdAt: at,
    updatedAt: at,
    sdk: { ...SDK },
  };
}

/**
 * When a newer state of `previous` happens: now, but always after `previous`. The queue keeps the
 * state with the later updatedAt, so an equal one (a clock that did not move) would be dropped.
 */
const after = (previous: SurveyResponse, now: number) => new Date(Math.max(now, Date.parse(previous.updatedAt) + 1)).toISOString();

/** The same response with a changed score (the person picked another one). */
export function rescoredResponse(scored: SurveyResponse, score: number, now: number): SurveyResponse {
  return { ...scored, score, category: categoryOf(scored.kind, score), updatedAt: after(scored, now) };
}

/** The same response, completed: an empty comment is left out rather than sent as "". */
export function completedResponse(scored: SurveyResponse, comment: string | undefined, now: number): SurveyResponse {
  const text = comment?.trim();
  const { comment: _previous, ...rest } = scored;
  return { ...rest, ...(text ? { comment: text } : {}), complete: true, updatedAt: after(scored, now) };
}
