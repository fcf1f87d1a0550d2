// What a person reads about each rule (explain(), debug mode). The engine's checks return
// a phrase and the values it needs (checks.ts); the words are here, so a page view that only
// decides never downloads them.
import { daysBetween, isoDay } from "./dates.js";
import { showValue } from "./show.js";
import type { Check } from "./checks.js";

const ago = (at: number, now: number) => {
  const d = daysBetween(at, now);
  return d === 0 ? "today" : d === 1 ? "1 day ago" : `${d} days ago`;
};

/** The waits of throttling: what happened, what comes after the wait, and the text when it never happened. */
const WAITS = {
  answered: ["answered", "re-ask", "never answered"],
  dismissed: ["dismissed", "asked again", "never dismissed"],
  global: ["a survey was shown", "next survey", "no survey shown before"],
} as const;
export type Wait = keyof typeof WAITS;

/** A bucket shown to two decimals, rounded down (0.249 is "0.24", so it reads as below 0.25). */
const bucketText = (n: number) => (Math.floor(n * 100) / 100).toFixed(2);

const PHRASES = {
  pageView: () => "page view",
  notOnEvent: (name: string) => `shown on page views, not on event "${name}"`,
  waitsForEvent: (wanted: string) => `waits for event "${wanted}" (this was a page view)`,
  otherEvent: (wanted: string, name: string) => `waits for event "${wanted}", not "${name}"`,
  eventNeeds: (name: string, key: string, expected: unknown, actual: unknown) =>
    `event "${name}" needs ${key} = ${showValue(expected)}, got ${showValue(actual)}`,
  event: (name: string) => `event "${name}"`,
  excluded: (url: string, glob: string) => `page ${url} is excluded by "${glob}"`,
  everyPage: () => "every page",
  pageMatches: (glob: string) => `page matches "${glob}"`,
  matchesNone: (url: string, include: string[]) => `page ${url} matches none of ${showValue(include, 200)}`,
  device: (device: string) => `device ${device}`,
  deviceNotIn: (device: string, devices: string[]) => `device ${device} is not one of ${devices.join(", ")}`,
  everyLocale: () => "every locale",
  locale: (locale: string) => `locale ${locale}`,
  localeNotIn: (locale: string | undefined, locales: string[]) =>
    `locale ${locale ?? "(unknown)"} is not one of ${locales.join(", ")}`,
  attributesMatch: (conditions: number) => (conditions ? "user attributes match" : "no attribute conditions"),
  attributeFails: (key: string, actual: unknown, op: string, value: unknown) =>
    `attribute ${key} is ${actual === undefined ? "not set" : showValue(actual)}; needs ${op}${value === undefined ? "" : ` ${showValue(value)}`}`,
  startsOn: (start: number) => `scheduled to start on ${isoDay(start)}`,
  ended: (end: number) => `schedule ended on ${isoDay(end)}`,
  inSchedule: (scheduled: boolean) => (scheduled ? "within its schedule" : "no schedule"),
  inSample: (bucket: number, sample: number) => `in sample (bucket ${bucketText(bucket)} < sample ${sample})`,
  sampledOut: (bucket: number, sample: number) => `sampled out (bucket ${bucketText(bucket)} ≥ sample ${sample})`,
  noneOnScreen: () => "no survey on screen",
  onScreen: (surveyId: string) => `survey "${surveyId}" is on screen; one survey at a time`,
  never: (wait: Wait) => WAITS[wait][2],
  waited: (wait: Wait, at: number, now: number, days: number) =>
    `${WAITS[wait][0]} ${ago(at, now)} (more than ${days} days)`,
  waiting: (wait: Wait, at: number, now: number, days: number, until: number) =>
    `${WAITS[wait][0]} ${ago(at, now)}; ${WAITS[wait][1]} after ${days} days on ${isoDay(until)}`,
  displays: (displays: number, max: number | undefined) =>
    `shown ${displays} time(s)${max ? ` of at most ${max}` : ""}`,
  tooManyDisplays: (displays: number, max: number) =>
    `already shown ${displays} time(s) without an answer (maxDisplays ${max})`,
  // `${error}`: an Error reads "TypeError: …", anything else as itself.
  unreadable: (error: unknown) => `its config cannot be read (${error}): see npskit validate`,
};

/** A check's finding: the name of its phrase and the values the phrase needs. */
export type Finding = {
  [P in keyof typeof PHRASES]: [P, ...Parameters<(typeof PHRASES)[P]>];
}[keyof typeof PHRASES];

/** The sentence a person reads for one check. */
export function reasonOf(check: Pick<Check, "finding">): string {
  const [phrase, ...values] = check.finding;
  return (PHRASES[phrase] as (...v: unknown[]) => string)(...values);
}

export const noSurvey = (surveyId: string, known: string[]) =>
  `no survey with id "${surveyId}" (configured: ${known.map((id) => `"${id}"`).join(", ") || "none"})`;

export const delayed = (seconds: number) => `shown after a ${seconds} s delay`;
