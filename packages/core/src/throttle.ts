// How often one user is asked: per survey (after an answer, after a dismissal, at most N
// displays) and across surveys (one survey every N days, one on screen at a time).
import type { NpsKitConfig, SurveyConfig } from "./config-schema.js";
import { DAY_MS } from "./clock.js";
import { daysBetween, isoDay } from "./dates.js";
import { fail, pass, type Check } from "./checks.js";

/** What happened with one survey for one user (epoch ms). */
export interface SurveyHistory {
  /** Displays since the last answer (an answer starts a new round of maxDisplays). */
  displays: number;
  lastShownAt?: number;
  lastDismissedAt?: number;
  /** Set when a score is picked: an unfinished comment still counts as answered. */
  lastAnsweredAt?: number;
}

export interface ThrottleState {
  surveys: Record<string, SurveyHistory>;
  /** Last time any survey was shown to this user. */
  lastSurveyShownAt?: number;
}

const ago = (at: number, now: number) => {
  const d = daysBetween(at, now);
  return d === 0 ? "today" : d === 1 ? "1 day ago" : `${d} days ago`;
};

/** A wait of `days` after `at`: failing until then, with the day it ends. */
function wait(
  code: Check["code"],
  what: string,
  at: number | undefined,
  days: number,
  now: number,
  again: string,
  never: string,
): Check {
  if (at === undefined) return pass(code, never);
  const until = at + days * DAY_MS;
  if (now >= until) return pass(code, `${what} ${ago(at, now)} (more than ${days} days)`);
  return fail(code, `${what} ${ago(at, now)}; ${again} after ${days} days on ${isoDay(until)}`, until);
}

export function throttleChecks(
  survey: SurveyConfig,
  config: Pick<NpsKitConfig, "globalThrottle">,
  state: ThrottleState,
  now: number,
  visibleSurveyId?: string,
): Check[] {
  const history = state.surveys[survey.id];
  const { afterAnswerDays, afterDismissDays, maxDisplays } = survey.throttle;
  const minDays = config.globalThrottle.minDaysBetweenSurveys;
  const displays = history?.displays ?? 0;
  return [
    visibleSurveyId === undefined
      ? pass("visible", "no survey on screen")
      : fail("visible", `survey "${visibleSurveyId}" is on screen; one survey at a time`),
    wait("answered", "answered", history?.lastAnsweredAt, afterAnswerDays, now, "re-ask", "never answered"),
    wait("dismissed", "dismissed", history?.lastDismissedAt, afterDismissDays, now, "asked again", "never dismissed"),
    maxDisplays === undefined || displays < maxDisplays
      ? pass("maxDisplays", `shown ${displays} time(s)${maxDisplays ? ` of at most ${maxDisplays}` : ""}`)
      : fail("maxDisplays", `already shown ${displays} time(s) without an answer (maxDisplays ${maxDisplays})`),
    wait(
      "global",
      "a survey was shown",
      state.lastSurveyShownAt,
      minDays,
      now,
      "next survey",
      "no survey shown before",
    ),
  ];
}

/** When the throttles stop blocking this survey (epoch ms), or undefined if they do not expire. */
export function throttleClearsAt(checks: Check[]): number | undefined {
  let latest = -Infinity;
  for (const c of checks) {
    if (c.ok) continue;
    if (c.clearsAt === undefined) return undefined;
    latest = Math.max(latest, c.clearsAt);
  }
  return latest === -Infinity ? undefined : latest;
}
