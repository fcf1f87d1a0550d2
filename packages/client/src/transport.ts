// How a response leaves the page: the default transport POSTs it to the configured endpoint.
import { toJson, type SurveyResponse } from "@npskit/core/runtime";
import { isRetryableStatus, retryAfterMs } from "./retry.js";

/**
 * Delivers one response. Resolves once the receiver accepted it; rejects (or throws) otherwise,
 * with any value: it is retried with backoff unless it says `permanent: true` (see
 * `permanentError`). `hiding` is true when the page is being hidden or unloaded: the request
 * must survive the page.
 */
export type Send = (response: SurveyResponse, hiding?: boolean) => Promise<void> | void;

/** What a transport may attach to the error it rejects with. */
export interface DeliveryFailure {
  /** The receiver will never accept this response: drop it (and emit `error`) instead of retrying. */
  permanent?: boolean;
  status?: number;
  body?: string;
  /** Wait at least this long (ms) before the next attempt, e.g. from a `Retry-After` header. */
  retryAfter?: number;
}

/** An error that tells the client to drop the response rather than retry, e.g. `throw permanentError("bad payload")`. */
export const permanentError = (
  message: string,
  details?: Omit<DeliveryFailure, "permanent">,
): Error & DeliveryFailure => Object.assign(new Error(message), details, { permanent: true });

export interface FetchTransportOptions {
  endpoint: string;
  headers?: Record<string, string> | undefined;
  fetch?: typeof fetch | undefined;
  now: () => number;
  timeoutMs?: number;
  /** `navigator.sendBeacon`, used on page hide only where keepalive fetch is unsupported. */
  beacon?: ((url: string, data: Blob) => boolean) | undefined;
}

// Browsers without keepalive fetch cancel requests on unload; sendBeacon is their only way out.
const keepaliveSupported = typeof Request === "undefined" || "keepalive" in Request.prototype;

/**
 * POST JSON with `Idempotency-Key: <id>`, keepalive, and a timeout. On page hide without keepalive
 * support (and without custom headers, which beacons cannot carry) it falls back to sendBeacon;
 * the beacon's outcome is unknown, so the response stays queued and is sent again later. Either
 * way the body carries the `id`, which is what the collector upserts by.
 */
export function fetchTransport(options: FetchTransportOptions): Send {
  const { endpoint, headers, now, timeoutMs = 10_000, beacon } = options;
  return async (response, hiding) => {
    // Not the page's JSON.stringify: a toJSON on its prototypes must not change what is sent.
    const body = toJson(response);
    if (hiding && beacon && !keepaliveSupported && !headers) {
      beacon(endpoint, new Blob([body], { type: "application/json" }));
      throw {}; // sent, but unconfirmed: retryable
    }
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    try {
      const res = await (options.fetch ?? fetch)(endpoint, {
        method: "POST",
        headers: { ...headers, "Content-Type": "application/json", "Idempotency-Key": response.id },
        body,
        keepalive: true,
        signal: abort.signal,
      });
      if (res.ok) return;
      const text = (await res.text().catch(() => "")).slice(0, 500);
      throw {
        permanent: !isRetryableStatus(res.status),
        status: res.status,
        body: text,
        retryAfter: retryAfterMs(res.headers.get("Retry-After"), now()),
      } satisfies DeliveryFailure;
    } finally {
      clearTimeout(timer);
    }
  };
}
