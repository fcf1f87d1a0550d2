// How often one user is asked: per survey (after an answer, after a dismissal, at most N
// displays) and across surveys (one survey every N days, one on screen at a time).
import type { NpsKitConfig, SurveyConfig } from "./config-schema.js";
import { DAY_MS } from "./clock.js";
import { fail, pass, type Check } from "./checks.js";
import type { Wait } from "./reasons.js";

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

/** A wait of `days` after `at`: failing until then, with the moment it ends. */
function wait(code: Wait, at: number | undefined, days: number, now: number): Check {
  if (at === undefined) return pass(code, ["never", code]);
  const until = at + days * DAY_MS;
  if (now >= until) return pass(code, ["waited", code, at, now, days]);
  return fail(code, ["waiting", code, at, now, days, until], until);
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
    visibleSurveyId === undefined ? pass("visible", ["noneOnScreen"]) : fail("visible", ["onScreen", visibleSurveyId]),
    wait("answered", history?.lastAnsweredAt, afterAnswerDays, now),
    wait("dismissed", history?.lastDismissedAt, afterDismissDays, now),
    maxDisplays === undefined || displays < maxDisplays
      ? pass("maxDisplays", ["displays", displays, maxDisplays])
      : fail("maxDisplays", ["tooManyDisplays", displays, maxDisplays]),
    wait("global", state.lastSurveyShownAt, minDays, now),
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
