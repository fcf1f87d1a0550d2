import { describe, expect, it } from "vitest";
import * as rules from "./targeting.js";
import { conditionHolds, deviceClassOf, localeMatches, urlMatches } from "./targeting.js";
import type { Check } from "./checks.js";
import { reasonOf } from "./reasons.js";
import { DAY_MS } from "./clock.js";
import { NOW } from "./test-support.test-data.js";
import type { AttributeCondition } from "./config-schema.js";

/** A check as a person reads it: its result with the reason in words (reasons.ts). */
const worded =
  <A extends unknown[]>(check: (...args: A) => Check) =>
  (...args: A) => {
    const result = check(...args);
    return { ...result, reason: reasonOf(result) };
  };
const checkAttributes = worded(rules.checkAttributes);
const checkDevice = worded(rules.checkDevice);
const checkLocale = worded(rules.checkLocale);
const checkSchedule = worded(rules.checkSchedule);
const checkTrigger = worded(rules.checkTrigger);
const checkUrl = worded(rules.checkUrl);

describe("checkTrigger", () => {
  it("matches page views and named events with their properties", () => {
    expect(checkTrigger({ pageview: true }, undefined).ok).toBe(true);
    expect(checkTrigger({ pageview: true }, { name: "checkout" }).ok).toBe(false);
    expect(checkTrigger({ event: "checkout" }, undefined)).toMatchObject({
      ok: false,
      reason: 'waits for event "checkout" (this was a page view)',
    });
    expect(checkTrigger({ event: "checkout" }, { name: "signup" }).ok).toBe(false);
    const withProps = { event: "checkout", properties: { plan: "pro", total: 3 } };
    expect(checkTrigger(withProps, { name: "checkout", properties: { plan: "pro", total: "3", extra: 1 } }).ok).toBe(
      true,
    );
    expect(checkTrigger(withProps, { name: "checkout", properties: { plan: "free", total: 3 } })).toMatchObject({
      ok: false,
      reason: 'event "checkout" needs plan = "pro", got "free"',
    });
  });
});

describe("urlMatches", () => {
  it("* stays within one path segment, ** crosses segments", () => {
    expect(urlMatches("/app/*", "https://x.com/app/settings")).toBe(true);
    expect(urlMatches("/app/*", "https://x.com/app/settings/profile")).toBe(false);
    expect(urlMatches("/app/**", "https://x.com/app/settings/profile")).toBe(true);
    expect(urlMatches("/app/billing*", "/app/billing-history")).toBe(true);
    expect(urlMatches("/app/*/edit", "/app/42/edit")).toBe(true);
  });

  it("matches the full URL for globs with a scheme, the path otherwise", () => {
    expect(urlMatches("/pricing", "https://x.com/pricing?ref=ad#top")).toBe(true);
    expect(urlMatches("/pricing/", "https://x.com/pricing")).toBe(true);
    expect(urlMatches("/search?q=*", "https://x.com/search?q=shoes")).toBe(true);
    expect(urlMatches("https://app.x.com/**", "https://app.x.com/a/b")).toBe(true);
    expect(urlMatches("https://app.x.com/**", "https://www.x.com/a/b")).toBe(false);
    expect(urlMatches("*.x.com/*", "https://app.x.com/a")).toBe(false); // no scheme: a path glob
    expect(urlMatches("https://*.x.com/**", "https://app.x.com/a")).toBe(true);
    expect(urlMatches("https://*.x.com/*", "https://evil.com/a.x.com/b")).toBe(false); // "*" stays in the host
    expect(urlMatches("*", "https://x.com/a/b?c")).toBe(true);
  });

  it("treats regex characters literally", () => {
    expect(urlMatches("/a.b", "/a.b")).toBe(true);
    expect(urlMatches("/a.b", "/axb")).toBe(false);
    expect(urlMatches("/(x)", "/(x)")).toBe(true);
  });
});

describe("checkUrl", () => {
  const urls = { include: ["/app/**"], exclude: ["/app/billing*"] };
  it("includes, then excludes", () => {
    expect(checkUrl(urls, "/app/settings").ok).toBe(true);
    expect(checkUrl(urls, "/app/billing")).toMatchObject({
      ok: false,
      reason: 'page /app/billing is excluded by "/app/billing*"',
    });
    expect(checkUrl(urls, "/pricing").ok).toBe(false);
    expect(checkUrl({ exclude: [] }, "/anything").ok).toBe(true);
  });
});

describe("deviceClassOf", () => {
  const ua = {
    iphone: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
    androidPhone: "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36",
    androidTablet: "Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 Chrome/120 Safari/537.36",
    ipad: "Mozilla/5.0 (iPad; CPU OS 16_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
    mac: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Safari/605.1.15",
    windows: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/120 Safari/537.36",
  };
  it("reads the user agent first", () => {
    expect(deviceClassOf(ua.iphone, 390)).toBe("mobile");
    expect(deviceClassOf(ua.androidPhone)).toBe("mobile");
    expect(deviceClassOf(ua.androidTablet)).toBe("tablet");
    expect(deviceClassOf(ua.ipad)).toBe("tablet");
    expect(deviceClassOf(ua.windows, 500)).toBe("desktop");
    expect(deviceClassOf(ua.mac, 1024, 0)).toBe("desktop");
    expect(deviceClassOf(ua.mac, 1024, 5)).toBe("tablet"); // iPadOS asks for the desktop site
  });
  it("falls back to the width when the agent says nothing", () => {
    expect(deviceClassOf("", 390)).toBe("mobile");
    expect(deviceClassOf("", 800)).toBe("tablet");
    expect(deviceClassOf("", 1440)).toBe("desktop");
  });
  it("checkDevice lists what is allowed", () => {
    expect(checkDevice(["desktop"], "mobile")).toMatchObject({
      ok: false,
      reason: "device mobile is not one of desktop",
    });
    expect(checkDevice(undefined, "mobile").ok).toBe(true);
  });
});

describe("locales", () => {
  it("matches a language against its regional variants", () => {
    expect(localeMatches("de", "de-AT")).toBe(true);
    expect(localeMatches("de", "de_CH")).toBe(true);
    expect(localeMatches("DE", "de")).toBe(true);
    expect(localeMatches("de-AT", "de")).toBe(false);
    expect(localeMatches("de", "dev")).toBe(false);
    expect(checkLocale(["en", "de"], "de-AT").ok).toBe(true);
    expect(checkLocale(["en"], undefined).ok).toBe(false);
    expect(checkLocale(undefined, "fr").ok).toBe(true);
  });
});

describe("attribute conditions", () => {
  const holds = (op: AttributeCondition["op"], value: AttributeCondition["value"], actual: unknown) =>
    conditionHolds(
      value === undefined ? { key: "a", op } : { key: "a", op, value },
      actual === undefined ? {} : { a: actual },
      NOW,
    );

  it("compares equality loosely across text and numbers", () => {
    expect(holds("eq", "pro", "pro")).toBe(true);
    expect(holds("eq", 42, "42")).toBe(true);
    expect(holds("eq", "pro", undefined)).toBe(false);
    expect(holds("neq", "pro", "free")).toBe(true);
    expect(holds("neq", "pro", undefined)).toBe(true);
    expect(holds("neq", "pro", "pro")).toBe(false);
  });

  it("in / notIn accept one value or a list of values", () => {
    expect(holds("in", ["pro", "team"], "team")).toBe(true);
    expect(holds("in", ["pro", "team"], "free")).toBe(false);
    expect(holds("in", ["pro"], ["free", "pro"])).toBe(true);
    expect(holds("notIn", ["pro"], "free")).toBe(true);
    expect(holds("notIn", ["pro"], undefined)).toBe(true);
    expect(holds("notIn", ["pro"], "pro")).toBe(false);
  });

  it("orders numbers and dates", () => {
    expect(holds("gt", 5, 6)).toBe(true);
    expect(holds("gt", 5, 5)).toBe(false);
    expect(holds("gte", 5, 5)).toBe(true);
    expect(holds("lt", 5, "4")).toBe(true);
    expect(holds("lte", 5, 6)).toBe(false);
    expect(holds("lt", "2027-01-01", "2026-06-01")).toBe(true);
    expect(holds("gt", "2027-01-01", Date.parse("2027-02-01"))).toBe(true);
    expect(holds("gt", 5, undefined)).toBe(false);
    expect(holds("gt", 5, "many")).toBe(false);
  });

  it("exists and contains", () => {
    expect(holds("exists", undefined, 0)).toBe(true);
    expect(holds("exists", undefined, undefined)).toBe(false);
    expect(holds("exists", false, undefined)).toBe(true);
    expect(holds("exists", undefined, null)).toBe(false);
    expect(holds("contains", "acme", "ACME Corp")).toBe(true);
    expect(holds("contains", "beta", ["beta", "x"])).toBe(true);
    expect(holds("contains", "beta", 5)).toBe(false);
  });

  it("olderThanDays / newerThanDays read ISO strings and epoch ms", () => {
    const fortyDaysAgo = NOW - 40 * DAY_MS;
    expect(holds("olderThanDays", 30, new Date(fortyDaysAgo).toISOString())).toBe(true);
    expect(holds("olderThanDays", 30, fortyDaysAgo)).toBe(true);
    expect(holds("olderThanDays", 30, new Date(fortyDaysAgo))).toBe(true);
    expect(holds("olderThanDays", 50, fortyDaysAgo)).toBe(false);
    expect(holds("newerThanDays", 50, fortyDaysAgo)).toBe(true);
    expect(holds("newerThanDays", 30, "2026-10-01")).toBe(false);
    expect(holds("olderThanDays", 30, "not a date")).toBe(false);
    expect(holds("newerThanDays", 30, undefined)).toBe(false);
  });

  it("never throws on odd attribute values from the host page", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const odd of [Symbol("s"), 10n, cyclic, () => 1, Object.create(null), NaN]) {
      for (const op of ["eq", "in", "gt", "contains", "olderThanDays"] as const) {
        expect(() => checkAttributes([{ key: "a", op, value: op === "in" ? [1] : 1 }], { a: odd }, NOW)).not.toThrow();
      }
    }
    expect(checkAttributes([{ key: "a", op: "eq", value: 1 }], { a: 10n }, NOW).reason).toBe(
      "attribute a is bigint; needs eq 1",
    );
    expect(checkTrigger({ event: "e", properties: { a: 1 } }, { name: "e", properties: { a: cyclic } }).reason).toBe(
      'event "e" needs a = 1, got an object that cannot be shown',
    );
  });

  it("explains the first condition that fails", () => {
    const check = checkAttributes([{ key: "plan", op: "in", value: ["pro", "team"] }], { plan: "free" }, NOW);
    expect(check).toMatchObject({ ok: false, reason: 'attribute plan is "free"; needs in ["pro","team"]' });
    expect(checkAttributes([{ key: "plan", op: "exists" }], {}, NOW).reason).toBe(
      "attribute plan is not set; needs exists",
    );
  });
});

describe("checkSchedule", () => {
  it("opens at the start of the start day and closes after the end day (UTC)", () => {
    const schedule = { start: "2026-12-01", end: "2026-12-31" };
    expect(checkSchedule(schedule, Date.parse("2026-11-30T23:59:59Z"))).toMatchObject({
      ok: false,
      reason: "scheduled to start on 2026-12-01",
      clearsAt: Date.parse("2026-12-01T00:00:00Z"),
    });
    expect(checkSchedule(schedule, Date.parse("2026-12-01T00:00:00Z")).ok).toBe(true);
    expect(checkSchedule(schedule, Date.parse("2026-12-31T23:59:59Z")).ok).toBe(true);
    const ended = checkSchedule(schedule, Date.parse("2027-01-01T00:00:00Z"));
    expect(ended).toMatchObject({ ok: false, reason: "schedule ended on 2026-12-31" });
    expect(ended.clearsAt).toBeUndefined();
    expect(checkSchedule(undefined, NOW).ok).toBe(true);
  });
});
