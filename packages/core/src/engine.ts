// The rules engine: may this user see this survey here and now, and why (not). Pure: it reads
// the config, the user's state, the context and the time, and returns data.
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

export interface Decision extends Explanation {
  survey: SurveyConfig;
  /** Wait this long before showing, then decide again (the user may have left the page). */
  delaySeconds: number;
  checks: Check[];
}

/** Every rule for one survey, in the order a person would ask about them. */
export function surveyChecks(
  config: EngineConfig,
  survey: SurveyConfig,
  state: UserState,
  context: EngineContext,
  now: number,
): Check[] {
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
}

/**
 * Total over any config: a value the production guard let through but a rule cannot read (only
 * validateConfig checks everything) makes this survey ineligible, with a reason, never an exception.
 */
function checksOf(
  config: EngineConfig,
  survey: SurveyConfig,
  state: UserState,
  context: EngineContext,
  now: number,
): Check[] {
  try {
    return surveyChecks(config, survey, state, context, now);
  } catch (e) {
    // `${e}`: an Error reads "TypeError: …", anything else as itself.
    return [fail("config", `its config cannot be read (${e}): see npskit validate`)];
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
  const failing = checks.filter((c) => !c.ok);
  const eligible = failing.length === 0;
  const reasons = eligible ? checks.map((c) => c.reason) : failing.map((c) => c.reason);
  if (eligible && survey.delaySeconds > 0) reasons.push(`shown after a ${survey.delaySeconds} s delay`);
  const decision: Decision = { survey, eligible, reasons, delaySeconds: survey.delaySeconds, checks };
  const clearsAt = eligible ? undefined : throttleClearsAt(failing);
  if (clearsAt !== undefined) decision.nextEligibleAt = new Date(clearsAt).toISOString();
  return decision;
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
  if (!survey) {
    const known = config.surveys.map((s) => `"${s.id}"`).join(", ") || "none";
    return { eligible: false, reasons: [`no survey with id "${surveyId}" (configured: ${known})`] };
  }
  const { eligible, reasons, nextEligibleAt } = decide(config, survey, state, context, now);
  return nextEligibleAt ? { eligible, reasons, nextEligibleAt } : { eligible, reasons };
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
