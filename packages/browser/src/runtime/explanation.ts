// explain()'s answer in words: core's explain (every rule's reason) plus consent. Its own chunk
// (entries/explain.ts), so a page view that only decides carries none of the words: the runtime
// loads it when explain() or show() of an unknown id asks.
import { explain, type EngineConfig, type EngineContext, type UserState } from "@npskit/core/runtime";
import type { Explanation } from "../api.js";

export const CONSENT_MISSING = "waiting for consent: call npskit.consent(true)";

export function explainSurvey(
  config: EngineConfig,
  surveyId: string,
  state: UserState,
  context: EngineContext,
  now: number,
  consent: boolean,
): Explanation {
  const explanation = explain(config, surveyId, state, context, now);
  return consent ? explanation : { eligible: false, reasons: [CONSENT_MISSING, ...explanation.reasons] };
}

export type ExplainSurvey = typeof explainSurvey;
