/** Defers non-urgent work past the current task, so init never adds a long task to page load. */
export function whenIdle(win: Window, fn: () => void): void {
  if (typeof win.requestIdleCallback === "function") win.requestIdleCallback(fn, { timeout: 500 });
  else win.setTimeout(fn, 1);
}

/**
 * Ends the current task and resumes in a new one: the page may handle input and paint in between.
 * Steps that are short alone but long together (a ≥ 50 ms task on a slow phone) yield between them.
 */
export const nextTask = (win: Window): Promise<void> => new Promise((resume) => win.setTimeout(resume));
