/** Defers non-urgent work past the current task, so init never adds a long task to page load. */
export function whenIdle(win: Window, fn: () => void): void {
  if (typeof win.requestIdleCallback === "function") win.requestIdleCallback(fn, { timeout: 500 });
  else win.setTimeout(fn, 1);
}
