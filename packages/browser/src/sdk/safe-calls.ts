// Keeps every public call from throwing into the host page: failures become one console line and
// an `error` event.
export type Report = (where: string, error: unknown) => void;

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Wraps `fn` so it never throws; a rejected promise result is reported too and resolves `fallback`. */
export function guarded<A extends unknown[], R>(
  where: string,
  fn: (...args: A) => R,
  report: Report,
  fallback?: Awaited<R>,
): (...args: A) => R {
  return (...args: A): R => {
    try {
      const result = fn(...args);
      if (result instanceof Promise) {
        return result.catch((e: unknown) => {
          report(where, e);
          return fallback;
        }) as R;
      }
      return result;
    } catch (e) {
      report(where, e);
      return fallback as R;
    }
  };
}
