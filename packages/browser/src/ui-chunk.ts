// The UI chunk (dist/npskit-ui.js for script tags; a split chunk for bundlers): the widget, what
// happens while a person answers, and delivery for those answers (so showing a survey loads one
// chunk, not two).
import { mountSurvey } from "@npskit/widget";
import { askSurvey, type AnswerHooks, type AskedSurvey } from "./answering.js";

export { createClient } from "@npskit/client";
export const ask = (survey: AskedSurvey, hooks: AnswerHooks) => askSurvey(mountSurvey, survey, hooks);
