// The UI chunk (dist/npskit-ui.js for script tags; a split chunk for bundlers): the widget and
// what happens while a person answers. Delivery is not in it: the delivery chunk loads beside
// the survey once it is on its way (runtime.ts), so it never delays the survey's appearance.
import { mountSurvey } from "@npskit/widget";
import { askSurvey, type AnswerHooks, type AskedSurvey } from "./answering.js";

export const ask = (survey: AskedSurvey, hooks: AnswerHooks) => askSurvey(mountSurvey, survey, hooks);
