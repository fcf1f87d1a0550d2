// The UI chunk (dist/npskit-ui.js for script tags; a split chunk for bundlers): the widget and
// what happens while a person answers. Delivery is not in it: the delivery chunk loads beside
// the survey once it is on its way (runtime/runtime.ts), so it never delays the survey's appearance.
import type { NpsKitConfig, SurveyConfig } from "@npskit/core/runtime";
import { mountSurvey } from "@npskit/widget";
import type { EventName } from "../api.js";
import { askSurvey } from "../ui/ask.js";
import type { Report } from "../sdk/safe-calls.js";
import type { Session } from "../runtime/session.js";

/** What the runtime hands over with a survey: its answers go through the session (state, delivery). */
export interface SurveyContext {
  config: NpsKitConfig;
  session: Session;
  win: Window;
  locale: () => string;
  /** Core's randomId, which the loader already has: the chunk need not carry a copy. */
  newId: () => string;
  emit: (name: EventName, payload?: unknown) => void;
  report: Report;
  /** The survey no longer needs the screen (ui/ask.ts). */
  done: () => void;
}

/** Shows `survey` and reports what the person does; returns the function that removes it. */
export function ask(
  survey: SurveyConfig,
  { config, session, win, locale, newId, emit, report, done }: SurveyContext,
): () => void {
  const quietly = (where: string, work: Promise<unknown>) => void work.catch((e: unknown) => report(where, e));
  return askSurvey(mountSurvey, survey, {
    now: () => Date.now(),
    newId,
    respondent: () => ({ ...session.who(), url: win.location.href, locale: locale() }),
    submit: (response) => quietly("submit", session.submit(response)),
    record: (outcome) => quietly("record", session.record(survey.id, outcome)),
    emit,
    done,
    display: { locale: locale(), theme: config.theme, product: survey.product ?? config.product },
    impressions: config.impressions,
  });
}
