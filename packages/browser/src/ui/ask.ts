// What happens while a person answers one survey (in the UI chunk: a page view that shows nothing
// never downloads it): the widget is mounted, and its display, each score, comment or close
// becomes a wire-format response for delivery, a record in the person's state and an SDK event.
import {
  completedResponse,
  dismissedResponse,
  KINDS,
  rescoredResponse,
  scoredResponse,
  shownResponse,
  type Respondent,
  type SurveyOutcome,
  type SurveyResponse,
} from "@npskit/core/runtime";
import type { EventName } from "../api.js";
import type { MountOptions, MountSurvey } from "../lazy-parts.js";
import { SDK } from "../version.js";

export type AskedSurvey = MountOptions["survey"];

export interface AnswerHooks {
  now: () => number;
  newId: () => string;
  respondent: () => Respondent;
  /** Persists (and later delivers) a response. */
  submit: (response: SurveyResponse) => void;
  /** Records an outcome in the person's state (throttling reads it). */
  record: (outcome: SurveyOutcome) => void;
  emit: (name: EventName, payload: unknown) => void;
  /** The survey no longer needs the screen: closed, or completed (its thank-you closes itself). */
  done: () => void;
  display: Pick<MountOptions, "locale" | "theme" | "product">;
  /** Send a record when the survey is shown (and when it is dismissed unanswered), not only answers. */
  impressions: boolean;
}

/** Mounts `survey` and reports what the person does; returns the function that removes it. */
export function askSurvey(mount: MountSurvey, survey: AskedSurvey, hooks: AnswerHooks): () => void {
  const surveyId = survey.id;
  // The production guard checks types only; the kind decides the scale.
  if (!KINDS.includes(survey.kind))
    throw new Error(`survey "${surveyId}" has kind "${survey.kind}", not one of ${KINDS.join(", ")}`);
  /** The latest state of this display's record: shown, or answered (scored). */
  let current: SurveyResponse | undefined;
  let answered = false;
  let completed = false;
  const handle = mount({
    survey,
    ...hooks.display,
    // Only once it is on screen (its language's texts may load first): a survey closed before
    // that was never seen, so it counts as no display.
    onShown() {
      hooks.record("shown");
      if (hooks.impressions)
        hooks.submit((current = shownResponse(hooks.newId(), survey, hooks.respondent(), hooks.now(), SDK)));
      hooks.emit("shown", { surveyId });
    },
    onScore(score) {
      current = current
        ? rescoredResponse(current, score, hooks.now())
        : scoredResponse(hooks.newId(), survey, score, hooks.respondent(), hooks.now(), SDK);
      hooks.submit(current);
      if (!answered) hooks.record("answered");
      answered = true;
      hooks.emit("answered", { surveyId, id: current.id, score, category: current.category });
    },
    onComplete({ comment }) {
      if (!current || !answered || completed) return;
      completed = true;
      const response = completedResponse(current, comment, hooks.now());
      hooks.submit(response);
      hooks.emit("completed", { surveyId, id: response.id, response });
      hooks.done();
    },
    onDismiss() {
      handle.close();
      hooks.done();
      // After a score the answer stands: closing the follow-up changes nothing on the record.
      if (!answered) {
        hooks.record("dismissed");
        if (current) hooks.submit((current = dismissedResponse(current, hooks.now())));
      }
      hooks.emit("dismissed", { surveyId, answered });
    },
  });
  return () => handle.close();
}
