// One survey at a time: reserves the screen for a survey while its chunks load, then hands it to
// the UI chunk (entries/ui.ts), and frees the screen when the survey is closed or completed.

/** Shows a survey with what it needs (`C`) and `done`; returns the function that removes it. */
export type Ask<S, C> = (survey: S, context: C & { done: () => void }) => () => void;

export interface Presenter<S extends { id: string }> {
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

export function createPresenter<S extends { id: string }, C>(
  loadUI: () => Promise<Ask<S, C>>,
  contextFor: (survey: S) => C,
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
        ...contextFor(survey),
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
