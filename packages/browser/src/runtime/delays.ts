// Surveys waiting on `delaySeconds`: one timer per survey, restarted by a newer trigger, all
// cancelled on destroy. What happens when a timer ends (re-checking eligibility) is the caller's.

export interface Delays {
  /** Runs `fire` after `ms`; a survey already waiting starts over. */
  start(surveyId: string, ms: number, fire: () => void): void;
  cancelAll(): void;
}

export function createDelays(win: Pick<Window, "setTimeout" | "clearTimeout">): Delays {
  const timers = new Map<string, number>();
  return {
    start(surveyId, ms, fire) {
      const previous = timers.get(surveyId);
      if (previous !== undefined) win.clearTimeout(previous);
      timers.set(
        surveyId,
        win.setTimeout(() => {
          timers.delete(surveyId);
          fire();
        }, ms),
      );
    },
    cancelAll() {
      for (const handle of timers.values()) win.clearTimeout(handle);
      timers.clear();
    },
  };
}
