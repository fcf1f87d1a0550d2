import { categoryOf, type Category, type SurveyResponse } from "@npskit/core";
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

/**
 * Text that counts as a number: decimal notation with at most 20 digits on each side of the point and a
 * two-digit exponent, so it is always finite and a database reads it as the same number.
 */
export const NUMERIC_TEXT = /^[ \t\n\r]*[+-]?(\d{1,20}(\.\d{0,20})?|\.\d{1,20})([eE][+-]?\d{1,2})?[ \t\n\r]*$/;

/** A `ValueOf` reading a numeric attribute, e.g. `numericAttribute("ltv")`; numeric strings count. */
export function numericAttribute(key: string): ValueOf {
  return (r) => {
    const raw = r.attributes?.[key];
    const value = typeof raw === "string" ? (NUMERIC_TEXT.test(raw) ? Number(raw) : undefined) : raw;
    return typeof value === "number" && Number.isFinite(value) ? value : undefined;
  };
}

/** The value held by respondents of one category (their latest answer's), summed: what a database hands over. */
export interface ValueTotal {
  category: Category;
  value: number;
  respondents: number;
}

/**
 * Value held by detractors (and, apart, passives) of NPS/eNPS responses. Each respondent
 * (`userId`, else `anonymousId`) counts once, by their latest answer (`latestByRespondent`), so a
 * customer who answered twice is not counted twice.
 */
export function revenueAtRisk(responses: readonly SurveyResponse[], amountOf: ValueOf): RevenueAtRisk {
  return revenueAtRiskOf(
    latestByRespondent(responses).flatMap((r) => {
      const value = amountOf(r);
      return value === undefined || !Number.isFinite(value)
        ? []
        : [{ category: categoryOf(r.kind, r.score), value, respondents: 1 }];
    }),
  );
}

/** `revenueAtRisk` from value totals per category. */
export function revenueAtRiskOf(totals: Iterable<ValueTotal>): RevenueAtRisk {
  const result: RevenueAtRisk = { atRisk: 0, detractors: 0, passiveValue: 0, passives: 0, totalValue: 0 };
  for (const { category, value, respondents } of totals) {
    result.totalValue += value;
    if (category === "detractor") {
      result.atRisk += value;
      result.detractors += respondents;
    } else if (category === "passive") {
      result.passiveValue += value;
      result.passives += respondents;
    }
  }
  return result;
}
