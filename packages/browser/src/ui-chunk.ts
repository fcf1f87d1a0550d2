// The UI chunk (dist/npskit-ui.js for script tags; a split chunk for bundlers): the widget and
// what happens while a person answers.
import { mountSurvey } from "@npskit/widget";
import { askSurvey, type AnswerHooks, type AskedSurvey } from "./answering.js";

export const ask = (survey: AskedSurvey, hooks: AnswerHooks) => askSurvey(mountSurvey, survey, hooks);
