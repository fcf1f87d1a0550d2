import { categoryOf, type SurveyResponse } from "@npskit/core";
import { scored } from "./summary.js";

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
 * (`userId`, else `anonymousId`) counts once, by their latest answer, so a customer who answered
 * twice is not counted twice.
 */
export function revenueAtRisk(responses: readonly SurveyResponse[], valueOf: ValueOf): RevenueAtRisk {
  const latestByRespondent = new Map<string, SurveyResponse>();
  for (const r of scored(responses, new Set(["nps", "enps"] as const))) {
    const who = r.userId ?? `anon:${r.anonymousId}`;
    const seen = latestByRespondent.get(who);
    if (!seen || Date.parse(r.createdAt) > Date.parse(seen.createdAt)) latestByRespondent.set(who, r);
  }
  const result: RevenueAtRisk = { atRisk: 0, detractors: 0, passiveValue: 0, passives: 0, totalValue: 0 };
  for (const r of latestByRespondent.values()) {
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
