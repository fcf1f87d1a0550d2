import type { SurveyResponse } from "@npskit/core";
import { groupBy } from "./group.js";
import { latestById } from "./latest.js";
import { MIN_ANSWERS, summarize, type NpsSummary } from "./summary.js";

/** Segments with fewer answers than this have a margin too wide to compare; they are flagged. */
export const SMALL_SEGMENT = MIN_ANSWERS;

/** The segment name of responses without the attribute (or with `null`). */
export const NO_SEGMENT = "(none)";

export interface SegmentSummary extends NpsSummary {
  segment: string;
  /** Fewer answers than the minimum (default 30): read its NPS with care, compare it with none. */
  small: boolean;
}

/** The segment a response falls in for `attributeKey`. */
export const segmentOf = (attributeKey: string) => (r: SurveyResponse): string => {
  const value = r.attributes?.[attributeKey];
  return value === undefined || value === null || value === "" ? NO_SEGMENT : String(value);
};

/** Responses grouped by segment, latest state first, so an answer whose attributes changed lands in one segment only. */
export const groupBySegment = (responses: readonly SurveyResponse[], attributeKey: string): Map<string, SurveyResponse[]> =>
  groupBy(latestById(responses), segmentOf(attributeKey));

/** NPS per value of one attribute (e.g. `plan`), largest segment first. */
export function bySegment(responses: readonly SurveyResponse[], attributeKey: string, options: { minAnswers?: number } = {}): SegmentSummary[] {
  const minAnswers = options.minAnswers ?? MIN_ANSWERS;
  return [...groupBySegment(responses, attributeKey)]
    .map(([segment, group]) => {
      const summary = summarize(group);
      return { segment, ...summary, small: summary.total < minAnswers };
    })
    .filter((s) => s.total > 0)
    .sort((a, b) => b.total - a.total || a.segment.localeCompare(b.segment));
}
