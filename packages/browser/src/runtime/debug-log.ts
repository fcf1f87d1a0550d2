// Debug mode (`init({ debug: true })` or `?npskit_debug=1` in the page URL): one console line per
// survey per page view saying whether it shows and why not. This module is its own chunk
// (dist/npskit-debug.js; a dynamic import for bundlers), so a page without debug mode downloads
// none of these messages: the runtime only passes each decision here (runtime.ts).
import {
  decide,
  reasonOf,
  type EngineContext,
  type NpsKitConfig,
  type SurveyConfig,
  type UserState,
} from "@npskit/core/runtime";
import { CONSENT_MISSING } from "./explanation.js";

/** One decision of the runtime: a page view (no event) or an event, and what it showed. */
export interface DebugDecision {
  state: UserState;
  context: EngineContext;
  now: number;
  consent: boolean;
  /** The survey this decision shows (or starts the delay of), if any. */
  shown: string | undefined;
}

export type DebugLog = (decision: DebugDecision) => void;

/** A logger for one running config; it repeats no line within a page view. */
export function createDebugLog(
  config: Pick<NpsKitConfig, "surveys" | "globalThrottle">,
  write = (line: string) => console.info(line),
): DebugLog {
  let said = new Set<string>();
  return (decision) => {
    if (!decision.context.event) said = new Set(); // a page view starts afresh
    for (const survey of config.surveys) {
      try {
        const line = lineFor(config, survey, decision);
        if (line === undefined || said.has(line)) continue;
        said.add(line);
        write(`[npskit] ${line}`);
      } catch (e) {
        console.error(`[npskit] debug: ${e instanceof Error ? e.message : String(e)}`); // a debug aid never breaks the page
      }
    }
  };
}

/** What one survey did in this decision; undefined when the decision does not concern it. */
function lineFor(
  config: Pick<NpsKitConfig, "surveys" | "globalThrottle">,
  survey: SurveyConfig,
  decision: DebugDecision,
): string | undefined {
  const { id, trigger } = survey;
  const { event } = decision.context;
  // Another event than its own, or an event for a page-view survey: not this survey's business.
  if (event && event.name !== trigger.event) return undefined;
  if (decision.shown === id) {
    return survey.delaySeconds > 0
      ? `${id}: shows after its ${survey.delaySeconds} s delay if the person is still on a page it targets`
      : `${id}: shown`;
  }
  const failing = decide(config, survey, decision.state, decision.context, decision.now).checks.filter((c) => !c.ok);
  // On a page view, an event survey is only waiting for its event: say so, unless more stands in its way.
  const waiting = !event && trigger.event !== undefined;
  const reasons = failing.filter((c) => !(waiting && c.code === "trigger")).map(reasonOf);
  if (!decision.consent) reasons.unshift(CONSENT_MISSING);
  if (!reasons.length) {
    if (waiting) return `${id}: waits for npskit.track("${trigger.event}")`;
    return `${id}: not shown — "${decision.shown}" comes first in the config (one survey at a time)`;
  }
  return `${id}: not shown — ${reasons.join("; ")}; force it with npskit.show('${id}', { force: true })`;
}
