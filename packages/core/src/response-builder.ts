// Builds the wire-format response (CONTRACT §4, checked by responseSchema in response.ts) without
// zod, so it runs on the page: the score is saved the moment it is picked (complete: false); the
// comment later updates the same id (complete: true). With impressions, the record starts when the
// survey is shown (score null, status "shown") and every later state of that display (dismissed,
// answered, completed) updates it.
import { categoryOf, type SurveyKind } from "./kinds.js";
import type { SurveyResponse } from "./response.js";
import { cutText, MAX_URL, MAX_USER_ID, wireAttributes } from "./wire-limits.js";

export interface Respondent {
  userId: string | null;
  userHash?: string;
  anonymousId: string;
  /** As identify() stored them; bounded when a response is built. */
  attributes: Record<string, unknown>;
  url: string;
  locale: string;
}

/** The SDK that sends the response (`sdk` on the wire). */
export interface Sender {
  name: string;
  version: string;
}

/**
 * A display that has no answer yet. `id` is a new random UUID (randomId in user-state.ts; the
 * browser passes in the loader's copy so the UI chunk does not carry a second one).
 */
export function shownResponse(
  id: string,
  survey: { id: string; kind: SurveyKind },
  who: Respondent,
  now: number,
  sdk: Sender,
): SurveyResponse {
  return { ...newResponse(id, survey, who, now, sdk), score: null, category: null, status: "shown" };
}

/** A first answer, when its display was not recorded (impressions off). */
export function scoredResponse(
  id: string,
  survey: { id: string; kind: SurveyKind },
  score: number,
  who: Respondent,
  now: number,
  sdk: Sender,
): SurveyResponse {
  return { ...newResponse(id, survey, who, now, sdk), score, category: categoryOf(survey.kind, score) };
}

function newResponse(id: string, survey: { id: string; kind: SurveyKind }, who: Respondent, now: number, sdk: Sender) {
  const at = new Date(now).toISOString();
  // A longer user id would have every answer refused: it is sent anonymous (identify() says so).
  const identified = who.userId !== null && who.userId.length <= MAX_USER_ID;
  return {
    id,
    surveyId: survey.id,
    kind: survey.kind,
    complete: false,
    userId: identified ? who.userId : null,
    ...(identified && who.userHash ? { userHash: who.userHash } : {}),
    anonymousId: who.anonymousId,
    // Within the wire format's bounds, when a response is built rather than on every page view.
    attributes: wireAttributes(who.attributes),
    // A longer address (tracking parameters, state in the query) would have the answer refused.
    url: cutText(who.url, MAX_URL),
    locale: who.locale,
    createdAt: at,
    updatedAt: at,
    sdk: { ...sdk },
  };
}

/**
 * When a newer state of `previous` happens: now, but always after `previous`. The queue keeps the
 * state with the later updatedAt, so an equal one (a clock that did not move) would be dropped.
 */
const after = (previous: SurveyResponse, now: number) =>
  new Date(Math.max(now, Date.parse(previous.updatedAt) + 1)).toISOString();

/** Status only where the display is recorded (a record that has one). */
const withStatus = (previous: SurveyResponse, status: SurveyResponse["status"]) => (previous.status ? { status } : {});

/** The same response with a (changed) score: the person picked one, or another one. */
export function rescoredResponse(previous: SurveyResponse, score: number, now: number): SurveyResponse {
  return {
    ...previous,
    score,
    category: categoryOf(previous.kind, score),
    ...withStatus(previous, "answered"),
    updatedAt: after(previous, now),
  };
}

/** The same response, completed: an empty comment is left out rather than sent as "". */
export function completedResponse(scored: SurveyResponse, comment: string | undefined, now: number): SurveyResponse {
  const text = comment?.trim();
  const { comment: _previous, ...rest } = scored;
  return {
    ...rest,
    ...(text ? { comment: text } : {}),
    complete: true,
    ...withStatus(scored, "completed"),
    updatedAt: after(scored, now),
  };
}

/** The display, closed before any score. */
export const dismissedResponse = (shown: SurveyResponse, now: number): SurveyResponse => ({
  ...shown,
  status: "dismissed",
  updatedAt: after(shown, now),
});
