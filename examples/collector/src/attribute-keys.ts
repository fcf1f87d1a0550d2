// Which attribute keys get a column (CSV) or a place in the report: the common ones only, so a
// flood of distinct keys (each answer may carry up to 50) never makes either grow beyond a bound.
import type { SurveyResponse } from "@npskit/core";

/** A key must appear in at least this share of the answers… */
export const MIN_KEY_SHARE = 0.01;
/** …and at most this many keys (the most frequent) are kept. */
export const MAX_KEYS = 50;
/** A streamed export chooses its columns before its first row: from this many most recent matching answers. */
export const KEY_SAMPLE = 10_000;

/** The attribute keys present in ≥ 1% of `responses` (at least one), the 50 most frequent, sorted by name. */
export function commonAttributeKeys(responses: readonly Pick<SurveyResponse, "attributes">[]): string[] {
  const counts = new Map<string, number>();
  for (const r of responses)
    for (const key of Object.keys(r.attributes ?? {})) counts.set(key, (counts.get(key) ?? 0) + 1);
  const min = Math.max(1, Math.ceil(responses.length * MIN_KEY_SHARE));
  return [...counts]
    .filter(([, n]) => n >= min)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .slice(0, MAX_KEYS)
    .map(([key]) => key)
    .sort();
}
