/** Defers non-urgent work past the current task, so init never adds a long task to page load. */
export function whenIdle(win: Window, fn: () => void, timeout = 500): () => void {
  if (typeof win.requestIdleCallback === "function") {
    const handle = win.requestIdleCallback(fn, { timeout });
    return () => win.cancelIdleCallback(handle);
  }
  const handle = win.setTimeout(fn, 1);
  return () => win.clearTimeout(handle);
}
