// What happens while a person answers one survey (in the UI chunk: a page view that shows nothing
// never downloads it): the widget is mounted, and each score, comment or close becomes a
// wire-format response for delivery, a record in the person's state and an SDK event.
import { KINDS, type SurveyOutcome, type SurveyResponse } from "@npskit/core/runtime";
import { completedResponse, rescoredResponse, scoredResponse, type Respondent } from "./answer.js";
import type { EventName } from "./api.js";
import type { MountOptions, MountSurvey } from "./chunks.js";

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
}

/** Mounts `survey` and reports what the person does; returns the function that removes it. */
export function askSurvey(mount: MountSurvey, survey: AskedSurvey, hooks: AnswerHooks): () => void {
  const surveyId = survey.id;
  // The production guard checks types only; the kind decides the scale.
  if (!KINDS.includes(survey.kind)) throw new Error(`survey "${surveyId}" has kind "${survey.kind}", not one of ${KINDS.join(", ")}`);
  let scored: SurveyResponse | undefined;
  let completed = false;
  const handle = mount({
    survey,
    ...hooks.display,
    // Only once it is on screen (its language's texts may load first): a survey closed before
    // that was never seen, so it counts as no display.
    onShown() {
      hooks.record("shown");
      hooks.emit("shown", { surveyId });
    },
    onScore(score) {
      const first = !scored;
      scored = scored ? rescoredResponse(scored, score, hooks.now()) : scoredResponse(hooks.newId(), survey, score, hooks.respondent(), hooks.now());
      hooks.submit(scored);
      if (first) hooks.record("answered");
      hooks.emit("answered", { surveyId, id: scored.id, score, category: scored.category });
    },
    onComplete({ comment }) {
      if (!scored || completed) return;
      completed = true;
      const response = completedResponse(scored, comment, hooks.now());
      hooks.submit(response);
      hooks.emit("completed", { surveyId, id: response.id, response });
      hooks.done();
    },
    onDismiss() {
      handle.close();
      hooks.done();
      if (!scored) hooks.record("dismissed");
      hooks.emit("dismissed", { surveyId, answered: Boolean(scored) });
    },
  });
  return () => handle.close();
}
