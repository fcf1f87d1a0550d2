import { describe, expect, test } from "vitest";
import {
  backoffDelay,
  FIRST_RETRY_MS,
  isRetryableStatus,
  MAX_BACKOFF_MS,
  MAX_RETRY_AFTER_MS,
  retryAfterMs,
} from "./retry.js";

describe("backoffDelay", () => {
  test("the first retry comes within 5 s, and jitter spreads it over that window", () => {
    expect(backoffDelay(0, () => 0.999)).toBeLessThan(FIRST_RETRY_MS);
    expect(backoffDelay(0, () => 0.5)).toBe(2_500);
    expect(backoffDelay(0, () => 0)).toBe(500); // never an instant hammer
  });

  test("grows exponentially and caps at 5 minutes", () => {
    const top = (attempt: number) => backoffDelay(attempt, () => 0.999999);
    expect(top(1)).toBeGreaterThan(top(0));
    expect(top(3)).toBeCloseTo(40_000, -1);
    expect(top(10)).toBeLessThanOrEqual(MAX_BACKOFF_MS);
    expect(top(10)).toBeGreaterThan(MAX_BACKOFF_MS - 10);
    expect(top(10_000)).toBeLessThanOrEqual(MAX_BACKOFF_MS);
  });
});

describe("retryAfterMs", () => {
  const now = Date.parse("2026-11-24T10:00:00Z");
  test("reads delta-seconds", () => {
    expect(retryAfterMs("120", now)).toBe(120_000);
    expect(retryAfterMs(" 3 ", now)).toBe(3_000);
  });
  test("reads an HTTP date", () => {
    expect(retryAfterMs("Tue, 24 Nov 2026 10:01:30 GMT", now)).toBe(90_000);
  });
  test("ignores absent, past and malformed values", () => {
    expect(retryAfterMs(null, now)).toBe(0);
    expect(retryAfterMs("", now)).toBe(0);
    expect(retryAfterMs("soon", now)).toBe(0);
    expect(retryAfterMs("Tue, 24 Nov 2026 09:00:00 GMT", now)).toBe(0);
    expect(retryAfterMs("-5", now)).toBe(0);
  });
  test("caps what a server may ask for", () => {
    expect(retryAfterMs("99999999", now)).toBe(MAX_RETRY_AFTER_MS);
  });
});

test("network-level and server-side statuses retry; client errors do not", () => {
  expect([408, 429, 500, 502, 503, 504].map(isRetryableStatus)).toEqual([true, true, true, true, true, true]);
  expect([400, 401, 403, 404, 409, 413, 422].map(isRetryableStatus)).toEqual([
    false,
    false,
    false,
    false,
    false,
    false,
    false,
  ]);
});
