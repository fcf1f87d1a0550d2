import { afterEach, describe, expect, test, vi } from "vitest";
import { fakeFetch, response } from "../test/fakes.js";
import { fetchTransport, permanentError, type DeliveryFailure } from "./transport.js";

const now = () => Date.parse("2026-11-24T10:00:00Z");
const failureOf = async (p: Promise<void> | void): Promise<Error & DeliveryFailure> => {
  try {
    await p;
  } catch (e) {
    return e as Error & DeliveryFailure;
  }
  throw new Error("expected the send to fail");
};

afterEach(() => {
  vi.useRealTimers();
});

test("POSTs the response as JSON with an Idempotency-Key, config headers and keepalive", async () => {
  const fetch = fakeFetch(200);
  const r = response();
  await fetchTransport({ endpoint: "/collect", headers: { "x-api-key": "k" }, fetch, now })(r);
  const [call] = fetch.calls;
  expect(call?.url).toBe("/collect");
  expect(call?.init).toMatchObject({
    method: "POST",
    keepalive: true,
    headers: { "Content-Type": "application/json", "Idempotency-Key": r.id, "x-api-key": "k" },
  });
  expect(call?.body).toEqual(r);
});

test("config headers cannot replace the wire-format headers", async () => {
  const fetch = fakeFetch(200);
  const r = response();
  await fetchTransport({
    endpoint: "/c",
    headers: { "Idempotency-Key": "x", "Content-Type": "text/plain" },
    fetch,
    now,
  })(r);
  expect(fetch.calls[0]?.init.headers).toMatchObject({ "Content-Type": "application/json", "Idempotency-Key": r.id });
});

describe("failures carry what the retry logic needs", () => {
  test.each([408, 429, 500, 503])("%i is retryable", async (status) => {
    const send = fetchTransport({ endpoint: "/c", fetch: fakeFetch(status), now });
    expect(await failureOf(send(response()))).toMatchObject({ permanent: false, status });
  });

  test.each([400, 401, 404, 422])("%i is permanent, with the body text", async (status) => {
    const send = fetchTransport({
      endpoint: "/c",
      fetch: fakeFetch([status, {}, '{"error":"score: expected int"}']),
      now,
    });
    expect(await failureOf(send(response()))).toMatchObject({
      permanent: true,
      status,
      body: '{"error":"score: expected int"}',
    });
  });

  test("Retry-After in seconds or as a date", async () => {
    const send = fetchTransport({
      endpoint: "/c",
      fetch: fakeFetch([503, { "Retry-After": "30" }], [429, { "Retry-After": "Tue, 24 Nov 2026 10:02:00 GMT" }]),
      now,
    });
    expect((await failureOf(send(response()))).retryAfter).toBe(30_000);
    expect((await failureOf(send(response()))).retryAfter).toBe(120_000);
  });

  test("a network error is retryable", async () => {
    const failure = await failureOf(fetchTransport({ endpoint: "/c", fetch: fakeFetch("network"), now })(response()));
    expect(failure.permanent).toBeUndefined();
  });

  test("a hanging request is aborted after the timeout", async () => {
    vi.useFakeTimers();
    const fetch = fakeFetch("hang");
    const sent = failureOf(fetchTransport({ endpoint: "/c", fetch, now, timeoutMs: 10_000 })(response()));
    await vi.advanceTimersByTimeAsync(10_000);
    expect((await sent).name).toBe("AbortError");
    expect(fetch.calls[0]?.init.signal?.aborted).toBe(true);
  });
});

test("permanentError marks an error for dropping", () => {
  expect(permanentError("schema mismatch", { status: 422 })).toMatchObject({
    message: "schema mismatch",
    permanent: true,
    status: 422,
  });
});

describe("on page hide without keepalive support", () => {
  test("uses sendBeacon when no custom header is needed, and keeps the response queued", async () => {
    vi.resetModules();
    vi.stubGlobal("Request", class {});
    try {
      const { fetchTransport: withoutKeepalive } = await import("./transport.js");
      const beacon = vi.fn((_url: string, _data: Blob) => true);
      const fetch = fakeFetch();
      const r = response();
      const failure = await failureOf(withoutKeepalive({ endpoint: "/c", fetch, now, beacon })(r, true));
      expect(failure.permanent).toBeUndefined(); // unconfirmed: stays queued, the collector dedupes by id
      expect(beacon).toHaveBeenCalledOnce();
      const [url, blob] = beacon.mock.calls[0]!;
      expect(url).toBe("/c");
      expect(blob.type).toBe("application/json");
      expect(JSON.parse(await blob.text())).toEqual(r);
      // custom headers cannot ride on a beacon: fetch it is
      await withoutKeepalive({ endpoint: "/c", headers: { "x-api-key": "k" }, fetch, now, beacon })(r, true);
      expect(fetch.calls).toHaveLength(1);
      expect(beacon).toHaveBeenCalledOnce();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
