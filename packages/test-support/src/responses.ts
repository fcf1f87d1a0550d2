// Test data for every package that handles answers: a valid wire-format response (CONTRACT §4)
// with only what a test cares about overridden.
import { categoryOf, type SurveyResponse } from "@npskit/core";

let seq = 0;

/** A complete answer from an identified user; each call gets its own id, user and visitor. */
export function makeResponse(score: number, overrides: Partial<SurveyResponse> = {}): SurveyResponse {
  const kind = overrides.kind ?? "nps";
  seq++;
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, "0")}`,
    surveyId: "nps-q4",
    kind,
    score,
    category: categoryOf(kind, score),
    complete: true,
    userId: `user-${seq}`,
    anonymousId: `anon-${seq}`,
    createdAt: "2026-11-24T10:00:00.000Z",
    updatedAt: "2026-11-24T10:00:00.000Z",
    sdk: { name: "npskit", version: "0.1.0" },
    ...overrides,
  };
}

/** `count` answers with the same score. */
export const makeResponses = (count: number, score: number, overrides: Partial<SurveyResponse> = {}) =>
  Array.from({ length: count }, () => makeResponse(score, overrides));
