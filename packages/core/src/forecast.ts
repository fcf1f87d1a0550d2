// Tuning sampling from what was observed: with this config and this traffic, how many answers a
// month will each survey get, how precise is one month's NPS, and which `sample` reaches a target
// margin. Pure given `now`.
import type { NpsKitConfig } from "./config-schema.js";
import { simulate, type SimulateOptions } from "./simulate.js";

/** What a team knows about its traffic and answers; from flags or a collector's /api/summary. */
export interface ObservedRates {
  /** People a month who reach each survey's trigger (a page view, or its event). */
  monthlyUsers?: number;
  /** Share of the people shown a survey who answer it, 0..1. */
  responseRate?: number;
  /** Shares of answers that are promoters and detractors, 0..1; unknown: the widest margin (½, ½). */
  promoters?: number;
  detractors?: number;
  /** Answers a month seen for `surveyId` (the config's only survey when absent) with this config. */
  answersPerMonth?: number;
  surveyId?: string;
}

export interface SurveyForecast {
  surveyId: string;
  sample: number;
  /** Share of the monthly users the survey's other rules let through, before sampling. */
  reach: number;
  shownPerMonth: number;
  answersPerMonth: number;
  /** 95% margin of one month's NPS in points (adjusted Wald); null without answers. */
  marginOfError: number | null;
  /** Answers a month the target margin needs, and the smallest sample (0.01 steps) that gets them; null: not even 1. */
  answersForTarget: number;
  sampleForTarget: number | null;
}

export interface Forecast {
  monthlyUsers: number;
  responseRate: number;
  promoters: number;
  detractors: number;
  targetMargin: number;
  /** Rates worked out from `answersPerMonth` rather than given; and whether the answer mix was assumed. */
  inferred: Array<"monthlyUsers" | "responseRate">;
  assumedMix: boolean;
  surveys: SurveyForecast[];
}

export interface ForecastOptions extends Omit<SimulateOptions, "users"> {
  users?: number;
  /** Margin of error to reach in a month, in NPS points; default 5. */
  targetMargin?: number;
}

/**
 * 95% margin of error of an NPS from `answers` answers with these promoter and detractor shares,
 * in points: the adjusted Wald interval (3 answers added, ¾ of them promoters, ¾ detractors),
 * which covers the true NPS about 95% of the time even for small samples.
 */
export function npsMarginOfError(answers: number, promoters: number, detractors: number): number {
  const n = answers + 3;
  const p = (promoters * answers + 0.75) / n;
  const d = (detractors * answers + 0.75) / n;
  return 1.96 * 100 * Math.sqrt(Math.max(0, p + d - (p - d) ** 2) / n);
}

/** The fewest answers whose margin is at most `target` points. */
export function answersForMargin(target: number, promoters: number, detractors: number): number {
  let [low, high] = [0, 1];
  while (npsMarginOfError(high, promoters, detractors) > target) [low, high] = [high, high * 2];
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (npsMarginOfError(mid, promoters, detractors) > target) low = mid;
    else high = mid;
  }
  return npsMarginOfError(low, promoters, detractors) <= target ? low : high;
}

const share = (x: number | undefined) => x !== undefined && Number.isFinite(x) && x >= 0 && x <= 1;

/** A forecast per survey, or what is missing or inconsistent in the observed rates. */
export function forecast(
  config: Pick<NpsKitConfig, "surveys" | "globalThrottle">,
  observed: ObservedRates,
  options: ForecastOptions,
): Forecast | { problem: string } {
  const targetMargin = options.targetMargin ?? 5;
  if (!(targetMargin > 0 && targetMargin <= 200))
    return { problem: `the target margin must be above 0 and at most 200 points, got ${targetMargin}` };
  for (const key of ["responseRate", "promoters", "detractors"] as const) {
    if (observed[key] !== undefined && !share(observed[key]))
      return { problem: `${key} must be a share from 0 to 1, got ${observed[key]}` };
  }
  if ((observed.promoters ?? 0) + (observed.detractors ?? 0) > 1)
    return { problem: "promoters and detractors add up to more than 1" };
  // Reach before sampling: every survey simulated with sample 1, so a sample of 0 still has one.
  const unsampled = {
    ...config,
    surveys: config.surveys.map((s) => ({ ...s, audience: { ...s.audience, sample: 1 } })),
  };
  const users = options.users ?? 10_000;
  const reach = new Map(simulate(unsampled, { ...options, users }).surveys.map((s) => [s.surveyId, s.shown / users]));

  let { monthlyUsers, responseRate } = observed;
  const inferred: Forecast["inferred"] = [];
  if (monthlyUsers === undefined || responseRate === undefined) {
    const basis = inferenceBasis(config, observed);
    if (typeof basis === "string") return { problem: basis };
    const perUser = (reach.get(basis.id) ?? 0) * basis.sample; // share of the monthly users shown the survey
    if (perUser === 0)
      return { problem: `survey "${basis.id}" reaches no simulated user, so its answers say nothing about traffic` };
    if (monthlyUsers === undefined) {
      monthlyUsers = basis.answers / (perUser * responseRate!);
      inferred.push("monthlyUsers");
    } else {
      responseRate = basis.answers / (perUser * monthlyUsers);
      inferred.push("responseRate");
      if (responseRate > 1)
        return {
          problem: `${basis.answers} answers a month from ${monthlyUsers} users would mean more answers than people shown; check the monthly users`,
        };
    }
  }
  // Both are known by now (given, or one worked out above).
  const [traffic, rate] = [monthlyUsers ?? 0, responseRate ?? 0];
  if (!(traffic >= 0 && Number.isFinite(traffic)))
    return { problem: `monthly users must be a number of people, got ${traffic}` };

  const assumedMix = observed.promoters === undefined || observed.detractors === undefined;
  const promoters = assumedMix ? 0.5 : observed.promoters!;
  const detractors = assumedMix ? 0.5 : observed.detractors!;
  const answersForTarget = answersForMargin(targetMargin, promoters, detractors);
  const surveys = config.surveys.map((survey): SurveyForecast => {
    const sample = survey.audience.sample;
    const answersAtFull = traffic * (reach.get(survey.id) ?? 0) * rate;
    const answersPerMonth = answersAtFull * sample;
    const needed = answersAtFull > 0 ? Math.ceil((100 * answersForTarget) / answersAtFull - 1e-9) / 100 : Infinity;
    return {
      surveyId: survey.id,
      sample,
      reach: reach.get(survey.id) ?? 0,
      shownPerMonth: traffic * (reach.get(survey.id) ?? 0) * sample,
      answersPerMonth,
      marginOfError: answersPerMonth > 0 ? npsMarginOfError(answersPerMonth, promoters, detractors) : null,
      answersForTarget,
      sampleForTarget: needed <= 1 ? needed : null,
    };
  });
  return {
    monthlyUsers: traffic,
    responseRate: rate,
    promoters,
    detractors,
    targetMargin,
    inferred,
    assumedMix,
    surveys,
  };
}

/** The survey whose observed answers a month stand in for the missing rate. */
function inferenceBasis(
  config: Pick<NpsKitConfig, "surveys">,
  observed: ObservedRates,
): { id: string; sample: number; answers: number } | string {
  const missing = [
    observed.monthlyUsers === undefined && "the monthly users",
    observed.responseRate === undefined && "the response rate",
  ].filter(Boolean);
  if (missing.length === 2 || observed.answersPerMonth === undefined) {
    return `a forecast needs ${missing.join(" and ")} (or answers a month observed, with one of them)`;
  }
  const survey =
    observed.surveyId === undefined && config.surveys.length === 1
      ? config.surveys[0]
      : config.surveys.find((s) => s.id === observed.surveyId);
  if (!survey) {
    const ids = config.surveys.map((s) => s.id).join(", ");
    return observed.surveyId === undefined
      ? `which survey were the ${observed.answersPerMonth} answers a month for? The config has ${ids}`
      : `the observed answers are for survey "${observed.surveyId}", which is not in the config (${ids})`;
  }
  return { id: survey.id, sample: survey.audience.sample, answers: observed.answersPerMonth };
}

/**
 * Observed rates from a collector's `GET /api/summary` JSON (period month): the answer mix, the
 * mean answers of the complete months, the response rate when the summary counts displays
 * (`responseRate.shown` and `.answered`), and the survey it was filtered to. Fields it does not
 * find are left out.
 */
export function observedRatesFromSummary(summary: unknown, now: number): ObservedRates {
  // biome-ignore lint/suspicious/noExplicitAny: untrusted JSON, every field read below is checked
  const s = (summary ?? {}) as Record<string, any>;
  const observed: ObservedRates = {};
  const nps = s.nps ?? {};
  if (
    typeof nps.total === "number" &&
    nps.total > 0 &&
    typeof nps.promoters === "number" &&
    typeof nps.detractors === "number"
  ) {
    observed.promoters = nps.promoters / nps.total;
    observed.detractors = nps.detractors / nps.total;
  }
  // biome-ignore lint/suspicious/noExplicitAny: untrusted JSON, as above
  const points: Array<Record<string, any>> =
    s.trend?.period === "month" && Array.isArray(s.trend.points) ? s.trend.points : [];
  const complete = points.filter((p) => typeof p.total === "number" && nextMonth(Date.parse(p.start)) <= now);
  if (complete.length) observed.answersPerMonth = complete.reduce((sum, p) => sum + p.total, 0) / complete.length;
  // From the counts (its `rate` is rounded, in percent).
  const rate = s.responseRate ?? {};
  if (typeof rate.shown === "number" && rate.shown > 0 && typeof rate.answered === "number")
    observed.responseRate = rate.answered / rate.shown;
  if (typeof s.filters?.surveyId === "string") observed.surveyId = s.filters.surveyId;
  return observed;
}

function nextMonth(start: number): number {
  const d = new Date(start);
  return Number.isNaN(start) ? Infinity : Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}
