// Test data: a valid wire-format response with only what a test cares about overridden.
import { categoryOf, type SurveyResponse } from "@npskit/core";

let seq = 0;

export function answer(score: number, overrides: Partial<SurveyResponse> = {}): SurveyResponse {
  const kind = overrides.kind ?? "nps";
  seq++;
  return {
    id: `resp-${String(seq).padStart(6, "0")}`,
    surveyId: "nps-q4",
    kind,
    score,
    category: categoryOf(kind, score),
    complete: true,
    anonymousId: `anon-${seq}`,
    createdAt: "2026-11-24T10:00:00.000Z",
    updatedAt: "2026-11-24T10:00:00.000Z",
    sdk: { name: "npskit", version: "0.1.0" },
    ...overrides,
  };
}

/** `count` answers with the same score. */
export const answers = (count: number, score: number, overrides: Partial<SurveyResponse> = {}) =>
  Array.from({ length: count }, () => answer(score, overrides));
