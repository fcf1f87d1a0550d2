// One timer for the whole queue, set to the earliest time any response is due again.

/**
 * Tracks when each response wants its next attempt (`Infinity`: never) and calls `retry` with the
 * ids that are due, once the earliest of them is.
 */
export function createSchedule(now: () => number, retry: (ids: string[]) => void) {
  const dues = new Map<string, number>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const arm = () => {
    clearTimeout(timer);
    const next = Math.min(...dues.values());
    if (!stopped && next < Infinity) timer = setTimeout(fire, Math.max(0, next - now()));
  };
  const fire = () => {
    const t = now();
    const due = [...dues].filter(([, at]) => at <= t).map(([id]) => id);
    if (due.length) retry(due);
    else arm(); // the clock and the timer disagreed by a hair
  };

  return {
    set(id: string, due: number): void {
      if (due === Infinity) dues.delete(id);
      else dues.set(id, due);
      arm();
    },
    stop(): void {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
