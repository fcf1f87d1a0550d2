import { categoryOf, type SurveyResponse } from "@npskit/core";
import { latestByRespondent } from "./respondents.js";

export interface RevenueAtRisk {
  /** Sum of the value over detractors: what their churn would cost. */
  atRisk: number;
  detractors: number;
  /** Sum over passives, reported apart: undecided, not yet at risk. */
  passiveValue: number;
  passives: number;
  /** Sum over every respondent with a value, to put `atRisk` in proportion. */
  totalValue: number;
}

/** Reads a numeric value of a response (e.g. its LTV); `undefined` when it has none. */
export type ValueOf = (response: SurveyResponse) => number | undefined;

/** A `ValueOf` reading a numeric attribute, e.g. `numericAttribute("ltv")`; numeric strings count. */
export function numericAttribute(key: string): ValueOf {
  return (r) => {
    const raw = r.attributes?.[key];
    const value = typeof raw === "string" && raw.trim() !== "" ? Number(raw) : raw;
    return typeof value === "number" && Number.isFinite(value) ? value : undefined;
  };
}

/**
 * Value held by detractors (and, apart, passives) of NPS/eNPS responses. Each respondent
 * (`userId`, else `anonymousId`) counts once, by their latest answer (`latestByRespondent`), so a
 * customer who answered twice is not counted twice.
 */
export function revenueAtRisk(responses: readonly SurveyResponse[], valueOf: ValueOf): RevenueAtRisk {
  const result: RevenueAtRisk = { atRisk: 0, detractors: 0, passiveValue: 0, passives: 0, totalValue: 0 };
  for (const r of latestByRespondent(responses)) {
    const value = valueOf(r);
    if (value === undefined || !Number.isFinite(value)) continue;
    result.totalValue += value;
    const category = categoryOf(r.kind, r.score);
    if (category === "detractor") {
      result.atRisk += value;
      result.detractors++;
    } else if (category === "passive") {
      result.passiveValue += value;
      result.passives++;
    }
  }
  return result;
}
