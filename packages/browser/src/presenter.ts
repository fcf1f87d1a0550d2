// One survey at a time: reserves the screen for a survey while its chunks load, then hands it to
// the UI chunk (answering.ts), and frees the screen when the survey is closed or completed.
import type { AnswerHooks, AskedSurvey } from "./answering.js";
import type { AskSurvey } from "./chunks.js";

export interface Presenter<S extends AskedSurvey> {
  /** Shows `survey` unless another one is on screen (or loading); false when it was not shown. */
  present(survey: S): Promise<boolean>;
  /** The id of the survey on screen (or loading), if any. */
  showing(): string | undefined;
  /** Removes every survey, including one still thanking the person. */
  close(): void;
}

interface Slot {
  surveyId: string;
  close: () => void;
}

export function createPresenter<S extends AskedSurvey>(
  loadUI: () => Promise<AskSurvey>,
  hooksFor: (survey: S) => Omit<AnswerHooks, "done">,
): Presenter<S> {
  let showing: Slot | undefined;
  const open = new Set<Slot>();

  async function present(survey: S): Promise<boolean> {
    if (showing) return false;
    const slot: Slot = { surveyId: survey.id, close: () => {} };
    showing = slot; // reserved while the chunks load, so a second trigger cannot slip in
    try {
      const ask = await loadUI();
      if (showing !== slot) return false; // closed or destroyed while loading
      open.add(slot);
      slot.close = ask(survey, {
        ...hooksFor(survey),
        done: () => {
          if (showing === slot) showing = undefined;
        },
      });
      return true;
    } catch (e) {
      if (showing === slot) showing = undefined;
      throw e;
    }
  }

  return {
    present,
    showing: () => showing?.surveyId,
    close() {
      showing = undefined;
      for (const slot of open) slot.close();
      open.clear();
    },
  };
}
