// When to try a failed delivery again: a pure schedule, so tests can pin every number.

/** The first retry happens within this many ms; each later one may wait twice as long… */
export const FIRST_RETRY_MS = 5_000;
/** …up to this cap, so an answer given during an outage arrives minutes after it ends. */
export const MAX_BACKOFF_MS = 300_000;
/** A server's Retry-After is honoured up to this long (a bad header must not park answers for days). */
export const MAX_RETRY_AFTER_MS = 3_600_000;
/** Never hammer: even a zero draw of the jitter waits this long. */
const MIN_DELAY_MS = 500;

/**
 * Delay before retry number `attempt + 1` (0 = first retry): exponential backoff with full jitter,
 * so many clients that failed together do not come back together.
 */
export function backoffDelay(attempt: number, random: () => number): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, FIRST_RETRY_MS * 2 ** Math.min(attempt, 16));
  return Math.max(MIN_DELAY_MS, Math.floor(random() * ceiling));
}

/** Milliseconds a `Retry-After` header asks for (delta-seconds or an HTTP date), capped; 0 if absent or invalid. */
export function retryAfterMs(header: string | null | undefined, now: number): number {
  if (!header) return 0;
  const ms = /^\s*\d+\s*$/.test(header) ? Number(header) * 1000 : Date.parse(header) - now;
  return ms > 0 ? Math.min(ms, MAX_RETRY_AFTER_MS) : 0;
}

/** Statuses worth retrying: timeouts, rate limits and server errors. Other 4xx will never succeed. */
export const isRetryableStatus = (status: number): boolean =>
  status === 408 || status === 429 || status >= 500 || status < 400;
