// The rules engine: may this user see this survey here and now, and why (not). Pure: it reads
// the config, the user's state, the context and the time, and returns data. Deciding (decide,
// pickSurvey) needs no words; explain() phrases the reasons (reasons.ts), so a page view that only
// decides does not carry them.
import type { NpsKitConfig, SurveyConfig } from "./config-schema.js";
import type { UserState } from "./user-state.js";
import { userKeyOf } from "./user-state.js";
import {
  checkAttributes,
  checkDevice,
  checkLocale,
  checkSchedule,
  checkTrigger,
  checkUrl,
  type TargetingContext,
} from "./targeting.js";
import { checkSample } from "./sampling.js";
import { throttleChecks, throttleClearsAt } from "./throttle.js";
import { fail, type Check } from "./checks.js";
import { delayed, noSurvey, reasonOf } from "./reasons.js";

export interface EngineContext extends TargetingContext {
  /** The survey on screen now, if any: only one is shown at a time. */
  visibleSurveyId?: string;
}

export type EngineConfig = Pick<NpsKitConfig, "surveys" | "globalThrottle">;

export interface Explanation {
  eligible: boolean;
  /** Why not (every failing rule), or, when eligible, what matched. */
  reasons: string[];
  /** ISO time when the survey becomes eligible by itself, if only waiting stands in the way. */
  nextEligibleAt?: string;
}

export interface Decision {
  survey: SurveyConfig;
  eligible: boolean;
  /** Wait this long before showing, then decide again (the user may have left the page). */
  delaySeconds: number;
  checks: Check[];
}

/**
 * Every rule for one survey, in the order a person would ask about them. Total over any config: a
 * value the production guard let through but a rule cannot read (only validateConfig checks
 * everything) makes this survey ineligible, with a reason, never an exception.
 */
function checksOf(
  config: EngineConfig,
  survey: SurveyConfig,
  state: UserState,
  context: EngineContext,
  now: number,
): Check[] {
  try {
    const { audience } = survey;
    return [
      checkTrigger(survey.trigger, context.event),
      checkSchedule(survey.schedule, now),
      checkUrl(audience.urls, context.url),
      checkDevice(audience.devices, context.device),
      checkLocale(audience.locales, context.locale),
      checkAttributes(audience.attributes, state.attributes, now),
      checkSample(audience.sample, userKeyOf(state), survey.id),
      ...throttleChecks(survey, config, state, now, context.visibleSurveyId),
    ];
  } catch (e) {
    return [fail("config", ["unreadable", e])];
  }
}

export function decide(
  config: EngineConfig,
  survey: SurveyConfig,
  state: UserState,
  context: EngineContext,
  now: number,
): Decision {
  const checks = checksOf(config, survey, state, context, now);
  return { survey, eligible: checks.every((c) => c.ok), delaySeconds: survey.delaySeconds, checks };
}

/** Why `surveyId` would or would not be shown for this user, page and moment. */
export function explain(
  config: EngineConfig,
  surveyId: string,
  state: UserState,
  context: EngineContext,
  now: number,
): Explanation {
  const survey = config.surveys.find((s) => s.id === surveyId);
  if (!survey)
    return {
      eligible: false,
      reasons: [
        noSurvey(
          surveyId,
          config.surveys.map((s) => s.id),
        ),
      ],
    };
  const { eligible, checks } = decide(config, survey, state, context, now);
  const failing = checks.filter((c) => !c.ok);
  const reasons = (eligible ? checks : failing).map(reasonOf);
  if (eligible && survey.delaySeconds > 0) reasons.push(delayed(survey.delaySeconds));
  const clearsAt = eligible ? undefined : throttleClearsAt(failing);
  return clearsAt === undefined
    ? { eligible, reasons }
    : { eligible, reasons, nextEligibleAt: new Date(clearsAt).toISOString() };
}

/** The first survey, in config order, that this trigger (page view or context.event) may show now. */
export function pickSurvey(
  config: EngineConfig,
  state: UserState,
  context: EngineContext,
  now: number,
): Decision | undefined {
  for (const survey of config.surveys) {
    const decision = decide(config, survey, state, context, now);
    if (decision.eligible) return decision;
  }
  return undefined;
}
