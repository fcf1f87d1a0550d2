// Preview who would see what: run the engine over synthetic users. Pure given `now`.
import type { NpsKitConfig } from "./config-schema.js";
import type { DeviceClass } from "./config-constants.js";
import { decide, type EngineContext } from "./engine.js";
import { newUserState } from "./user-state.js";
import { hash32 } from "./sampling.js";
import type { Attributes } from "./targeting.js";
import type { CheckCode } from "./checks.js";
import { systemClock } from "./clock.js";

type Weighted<T> = ReadonlyArray<readonly [T, number]>;

/**
 * The synthetic traffic: a typical SaaS mix. Each user gets one device, locale and page, drawn
 * deterministically from their index, so two runs print the same numbers.
 */
export const SIMULATED_TRAFFIC = {
  devices: [
    ["desktop", 0.6],
    ["mobile", 0.35],
    ["tablet", 0.05],
  ] as Weighted<DeviceClass>,
  locales: [
    ["en-US", 0.4],
    ["en-GB", 0.1],
    ["de-DE", 0.15],
    ["fr-FR", 0.1],
    ["es-ES", 0.1],
    ["pt-BR", 0.05],
    ["ja-JP", 0.05],
    ["ar-SA", 0.05],
  ] as Weighted<string>,
  urls: [
    ["https://app.example.com/", 0.15],
    ["https://app.example.com/pricing", 0.1],
    ["https://app.example.com/app/dashboard", 0.3],
    ["https://app.example.com/app/settings", 0.15],
    ["https://app.example.com/app/billing", 0.1],
    ["https://app.example.com/app/projects/42", 0.1],
    ["https://app.example.com/help/faq", 0.1],
  ] as Weighted<string>,
};

function draw<T>(choices: Weighted<T>, seed: string): T {
  let x = hash32(seed) / 2 ** 32;
  for (const [value, weight] of choices) {
    if (x < weight) return value;
    x -= weight;
  }
  return choices[choices.length - 1]![0];
}

export interface SimulateOptions {
  users: number;
  /** Epoch ms the schedule is judged at; default: now. */
  now?: number;
  /** Fixed url/device/locale for every user instead of the synthetic mix. */
  context?: Partial<Pick<EngineContext, "url" | "device" | "locale">>;
  /** Attributes every synthetic user has (as if identify() had been called). */
  attributes?: Attributes;
}

export interface SurveySimulation {
  surveyId: string;
  shown: number;
  excluded: number;
  /** Excluded users per failing rule; a user failing several rules counts under each. */
  byReason: Partial<Record<CheckCode, number>>;
  /** Excluded users by the first rule that removed them, in the engine's order: these add up to `excluded`. */
  removedBy: Partial<Record<CheckCode, number>>;
}

export interface Simulation {
  users: number;
  now: string;
  surveys: SurveySimulation[];
}

/**
 * For each survey, how many of `users` fresh users would see it when its trigger fires, and why
 * the others would not. Surveys are judged independently (a real user sees at most one).
 */
export function simulate(
  config: Pick<NpsKitConfig, "surveys" | "globalThrottle">,
  options: SimulateOptions,
): Simulation {
  const now = options.now ?? systemClock();
  const results = config.surveys.map(
    (s): SurveySimulation => ({ surveyId: s.id, shown: 0, excluded: 0, byReason: {}, removedBy: {} }),
  );
  for (let i = 0; i < options.users; i++) {
    const state = { ...newUserState(`sim-${i}`), attributes: { ...options.attributes } };
    const context: EngineContext = {
      url: options.context?.url ?? draw(SIMULATED_TRAFFIC.urls, `url:${i}`),
      device: options.context?.device ?? draw(SIMULATED_TRAFFIC.devices, `device:${i}`),
      locale: options.context?.locale ?? draw(SIMULATED_TRAFFIC.locales, `locale:${i}`),
    };
    config.surveys.forEach((survey, j) => {
      const { trigger } = survey;
      const event =
        trigger.event === undefined ? undefined : { name: trigger.event, properties: { ...trigger.properties } };
      const decision = decide(config, survey, state, event ? { ...context, event } : context, now);
      const result = results[j]!;
      if (decision.eligible) result.shown++;
      else {
        result.excluded++;
        const failing = decision.checks.filter((c) => !c.ok);
        for (const c of failing) result.byReason[c.code] = (result.byReason[c.code] ?? 0) + 1;
        const first = failing[0]!.code;
        result.removedBy[first] = (result.removedBy[first] ?? 0) + 1;
      }
    });
  }
  return { users: options.users, now: new Date(now).toISOString(), surveys: results };
}
