// Who and where a survey is for: trigger, URL globs, device class, locale, user attributes and
// the schedule window. Pure functions of the config, the context and the clock.
import type { AttributeCondition, AudienceConfig, SurveyConfig, TriggerConfig } from "./config-schema.js";
import type { DeviceClass } from "./config-constants.js";
import { DAY_MS } from "./clock.js";
import { scheduleEndMs, scheduleStartMs, toEpochMs } from "./dates.js";
import { fail, pass, type Check } from "./checks.js";

export type Attributes = Record<string, unknown>;

export interface TargetingEvent {
  name: string;
  properties?: Record<string, unknown>;
}

/** Where the user is and what just happened. `event` absent = a page view. */
export interface TargetingContext {
  /** Full URL ("https://app.example.com/app/settings?tab=1") or a path ("/app/settings"). */
  url: string;
  device: DeviceClass;
  locale?: string;
  event?: TargetingEvent;
}

export function checkTrigger(trigger: TriggerConfig, event: TargetingEvent | undefined): Check {
  if (trigger.event === undefined) {
    return event ? fail("trigger", ["notOnEvent", event.name]) : pass("trigger", ["pageView"]);
  }
  if (!event) return fail("trigger", ["waitsForEvent", trigger.event]);
  if (event.name !== trigger.event) return fail("trigger", ["otherEvent", trigger.event, event.name]);
  for (const [key, expected] of Object.entries(trigger.properties ?? {})) {
    const actual = event.properties?.[key];
    if (!looselyEqual(actual, expected)) return fail("trigger", ["eventNeeds", event.name, key, expected, actual]);
  }
  return pass("trigger", ["event", event.name]);
}

/**
 * A URL glob as a RegExp. `*` matches any characters within one path segment (not "/"), `**`
 * matches across segments ("/app/**" is every page under /app). Everything else is literal,
 * including "?" and ".", which are ordinary URL characters.
 */
export function globToRegExp(glob: string): RegExp {
  const source = trimSlash(glob)
    .split("**")
    .map((part) =>
      part
        .split("*")
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
        .join("[^/]*"),
    )
    .join(".*");
  return new RegExp(`^${source}$`);
}

const trimSlash = (s: string) => (s.length > 1 && s.endsWith("/") ? s.slice(0, -1) : s);

/**
 * A glob with a scheme ("https://app.example.com/**") matches the full URL; any other glob matches
 * the path, with the query string only if the glob contains "?". "*" alone matches every page.
 */
export function urlMatches(glob: string, url: string): boolean {
  if (glob === "*") return true;
  let parsed: URL;
  try {
    parsed = new URL(url, "http://localhost");
  } catch {
    return false;
  }
  const target = glob.includes("://")
    ? parsed.origin + parsed.pathname + parsed.search
    : glob.includes("?")
      ? parsed.pathname + parsed.search
      : parsed.pathname;
  return globToRegExp(glob).test(trimSlash(target));
}

export function checkUrl(urls: AudienceConfig["urls"], url: string): Check {
  const excludedBy = urls.exclude.find((g) => urlMatches(g, url));
  if (excludedBy) return fail("url", ["excluded", url, excludedBy]);
  if (!urls.include) return pass("url", ["everyPage"]);
  const includedBy = urls.include.find((g) => urlMatches(g, url));
  return includedBy ? pass("url", ["pageMatches", includedBy]) : fail("url", ["matchesNone", url, urls.include]);
}

/**
 * Device class from the user agent; the viewport width (CSS px) decides only when the agent says
 * nothing. iPadOS reports a Mac agent: pass `maxTouchPoints` to tell it apart.
 */
export function deviceClassOf(userAgent: string, width?: number, maxTouchPoints = 0): DeviceClass {
  if (/iPad|Tablet|PlayBook|Silk|Kindle|Android(?!.*Mobile)/i.test(userAgent)) return "tablet";
  if (/Macintosh/.test(userAgent) && maxTouchPoints > 1) return "tablet";
  if (/Mobi|iPhone|iPod|Android|Windows Phone|Opera Mini/i.test(userAgent)) return "mobile";
  if (userAgent.trim() === "" && width !== undefined)
    return width < 640 ? "mobile" : width < 1024 ? "tablet" : "desktop";
  return "desktop";
}

export function checkDevice(devices: AudienceConfig["devices"], device: DeviceClass): Check {
  if (!devices || devices.includes(device)) return pass("device", ["device", device]);
  return fail("device", ["deviceNotIn", device, devices]);
}

const normalizeLocale = (l: string) => l.replace(/_/g, "-").toLowerCase();

/** "de" matches "de", "de-AT" and "de_CH"; "de-AT" matches only "de-AT". */
export function localeMatches(wanted: string, locale: string): boolean {
  const [w, l] = [normalizeLocale(wanted), normalizeLocale(locale)];
  return l === w || l.startsWith(w + "-");
}

export function checkLocale(locales: AudienceConfig["locales"], locale: string | undefined): Check {
  if (!locales) return pass("locale", ["everyLocale"]);
  if (locale && locales.some((w) => localeMatches(w, locale))) return pass("locale", ["locale", locale]);
  return fail("locale", ["localeNotIn", locale, locales]);
}

function looselyEqual(a: unknown, b: unknown): boolean {
  // Attributes often arrive as strings ("42", "true"): compare scalars by their text.
  return a === b || (a !== undefined && a !== null && typeof a !== "object" && String(a) === String(b));
}

/** A number, or text that reads as one ("42"); NaN for anything else. */
const numeric = (v: unknown) =>
  typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : NaN;

/** Numbers compare as numbers; anything that reads as a date compares as a date. */
function order(a: unknown, b: unknown): number | undefined {
  if (typeof a === "number" && typeof b === "number") return a - b;
  const [x, y] = [toEpochMs(a), toEpochMs(b)];
  if (x !== undefined && y !== undefined) return x - y;
  const diff = numeric(a) - numeric(b);
  return Number.isFinite(diff) ? diff : undefined;
}

export function conditionHolds(c: AttributeCondition, attributes: Attributes, now: number): boolean {
  const actual = attributes[c.key];
  const values = Array.isArray(actual) ? actual : [actual];
  /** Whether any value of the attribute equals any of `wanted`. */
  const anyOf = (wanted: unknown[]) => values.some((v) => wanted.some((w) => looselyEqual(v, w)));
  const listed = Array.isArray(c.value) ? c.value : [c.value];
  switch (c.op) {
    case "eq":
      return anyOf([c.value]);
    case "neq":
      return !anyOf([c.value]);
    case "in":
      return anyOf(listed);
    case "notIn":
      return !anyOf(listed);
    case "exists":
      return (actual !== undefined && actual !== null) === (c.value ?? true);
    case "contains":
      return Array.isArray(actual)
        ? anyOf([c.value])
        : typeof actual === "string" && actual.toLowerCase().includes(String(c.value).toLowerCase());
    case "olderThanDays":
    case "newerThanDays": {
      const at = toEpochMs(actual);
      if (at === undefined) return false;
      const age = now - at;
      return c.op === "olderThanDays" ? age >= Number(c.value) * DAY_MS : age <= Number(c.value) * DAY_MS;
    }
    default: {
      const diff = order(actual, c.value);
      if (diff === undefined) return false;
      return c.op === "gt" ? diff > 0 : c.op === "gte" ? diff >= 0 : c.op === "lt" ? diff < 0 : diff <= 0;
    }
  }
}

export function checkAttributes(conditions: AttributeCondition[], attributes: Attributes, now: number): Check {
  const failed = conditions.find((c) => !conditionHolds(c, attributes, now));
  if (!failed) return pass("attributes", ["attributesMatch", conditions.length]);
  return fail("attributes", ["attributeFails", failed.key, attributes[failed.key], failed.op, failed.value]);
}

export function checkSchedule(schedule: SurveyConfig["schedule"], now: number): Check {
  const start = schedule?.start === undefined ? undefined : scheduleStartMs(schedule.start);
  const end = schedule?.end === undefined ? undefined : scheduleEndMs(schedule.end);
  if (start !== undefined && now < start) return fail("schedule", ["startsOn", start], start);
  if (end !== undefined && now > end) return fail("schedule", ["ended", end]);
  return pass("schedule", ["inSchedule", Boolean(schedule)]);
}
