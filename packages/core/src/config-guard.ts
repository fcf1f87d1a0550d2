// What a production page view checks of a config, in a few hundred bytes instead of the full
// validator (validateConfig: the CLI and npskit.dev.js, with every problem by path). The guard
// copies the config structurally, own keys only (no JSON round trip: a page's toJSON or a
// replaced JSON.stringify cannot reach it), applies the documented defaults, and checks the type
// of every field the engine reads; every field the engine reads is an own property of the copy,
// so a page's additions to Object.prototype are never read as config. Ranges, patterns, texts
// and the rules that relate fields are not checked: a value out of range changes who is asked,
// never breaks the page, and the engine is total over whatever passes (engine.ts).
import type { NpsKitConfig } from "./config-schema.js";
import { isRecord } from "./values.js";

export type GuardResult = { ok: true; config: NpsKitConfig } | { ok: false; path: string };

/** Checks (and copies) one value at `at`; throws `at` when it has the wrong type. */
type Guard = (value: unknown, at: string) => unknown;
type Dict = Record<string, unknown>;

const wrong = (at: string): never => {
  throw at;
};
const is =
  (type: string): Guard =>
  (v, at) =>
    typeof v === type ? v : wrong(at);
const text = is("string");
const count = is("number");
const flag = is("boolean");
const dict: Guard = (v, at) => (isRecord(v) ? v : wrong(at));
const optional =
  (guard: Guard): Guard =>
  (v, at) =>
    v === undefined ? v : guard(v, at);
/** `fallback` is walked like a given value, so a default object gets its own defaults (and is a new copy). */
const or =
  (guard: Guard, fallback: unknown): Guard =>
  (v, at) =>
    guard(v === undefined ? fallback : v, at);
const list =
  (item: Guard): Guard =>
  (v, at) =>
    Array.isArray(v) ? v.map((x, i) => item(x, `${at}[${i}]`)) : wrong(at);
const own = (v: Dict, key: string) => ({}).hasOwnProperty.call(v, key) ? v[key] : undefined;

/** A copy of the object's own keys, with the keys of `shape` checked (and always present, maybe undefined). */
function object(shape: Record<string, Guard>): Guard {
  return (v, at) => {
    const out: Dict = { ...(dict(v, at || "config") as Dict) };
    for (const key of Object.keys(shape)) out[key] = shape[key]!(own(v as Dict, key), at ? `${at}.${key}` : key);
    return out;
  };
}

const texts = list(text);

const survey = object({
  id: text,
  kind: or(text, "nps"), // an unknown kind is refused when its survey would show (the browser's ui/ask.ts)
  trigger: or(object({ event: optional(text), properties: optional(dict) }), { pageview: true }),
  delaySeconds: or(count, 0),
  audience: or(
    object({
      sample: or(count, 1),
      urls: or(object({ include: optional(texts), exclude: or(texts, []) }), {}),
      devices: optional(texts),
      locales: optional(texts),
      attributes: or(list(dict), []),
    }),
    {},
  ),
  throttle: or(
    object({ afterAnswerDays: or(count, 90), afterDismissDays: or(count, 14), maxDisplays: optional(count) }),
    {},
  ),
  schedule: optional(dict),
});

const config = object({
  endpoint: optional(text),
  headers: optional(dict),
  configUrl: optional(text),
  locale: optional(text),
  // The widget reads an unknown mode as "auto" and an unknown position as its default corner.
  theme: or(object({ mode: or(text, "auto"), position: or(text, "bottom-right") }), {}),
  requireConsent: or(flag, false),
  debug: optional(flag),
  impressions: or(flag, true),
  globalThrottle: or(object({ minDaysBetweenSurveys: or(count, 7) }), {}),
  surveys: or(list(survey), []),
});

/** The config with its defaults, or the path of the first field of the wrong type. Never throws. */
export function guardConfig(input: unknown): GuardResult {
  try {
    const out = config(input, "") as NpsKitConfig;
    const transport = own(input as Dict, "transport");
    if (transport !== undefined && typeof transport !== "function") wrong("transport");
    if (!out.endpoint && !out.configUrl && !transport) wrong("endpoint");
    return { ok: true, config: out };
  } catch (e) {
    // A field of the wrong type, or a getter on the page's object that threw.
    return { ok: false, path: typeof e === "string" ? e : "config" };
  }
}
