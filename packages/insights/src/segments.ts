import type { SurveyResponse } from "@npskit/core";
import { groupBy } from "./group.js";
import { latestById } from "./latest.js";
import { countOne, hasScore, MIN_ANSWERS, summarizeCounts, type NpsSummary, type ScoreCount } from "./summary.js";

/** Segments with fewer answers than this have a margin too wide to compare; they are flagged. */
export const SMALL_SEGMENT = MIN_ANSWERS;

/** The segment name of responses without the attribute (or with `null`). */
export const NO_SEGMENT = "(none)";

export interface SegmentSummary extends NpsSummary {
  segment: string;
  /** Fewer answers than the minimum (default 30): read its NPS with care, compare it with none. */
  small: boolean;
}

/** The segment an attribute value puts a response in: its text, or `NO_SEGMENT` when missing. */
export const segmentName = (value: unknown): string =>
  value === undefined || value === null || value === "" ? NO_SEGMENT : String(value);

/** The segment a response falls in for `attributeKey`. */
export const segmentOf =
  (attributeKey: string) =>
  (r: SurveyResponse): string =>
    segmentName(r.attributes?.[attributeKey]);

/** Responses grouped by segment, latest state first, so an answer whose attributes changed lands in one segment only. */
export const groupBySegment = (
  responses: readonly SurveyResponse[],
  attributeKey: string,
): Map<string, SurveyResponse[]> => groupBy(latestById(responses), segmentOf(attributeKey));

/** NPS per value of one attribute (e.g. `plan`), largest segment first. */
export function bySegment(
  responses: readonly SurveyResponse[],
  attributeKey: string,
  options: { minAnswers?: number } = {},
): SegmentSummary[] {
  // Latest state first, so an answer whose attributes changed lands in one segment only.
  const counts = latestById(responses)
    .filter(hasScore)
    .map((r) => ({ ...countOne(r), segment: segmentOf(attributeKey)(r) }));
  return segmentsOfCounts(counts, options);
}

/** `bySegment` from score counts per segment. */
export function segmentsOfCounts(
  counts: Iterable<ScoreCount & { segment: string }>,
  options: { minAnswers?: number } = {},
): SegmentSummary[] {
  const minAnswers = options.minAnswers ?? MIN_ANSWERS;
  return [...groupBy(counts, (c) => c.segment)]
    .map(([segment, group]) => {
      const summary = summarizeCounts(group);
      return { segment, ...summary, small: summary.total < minAnswers };
    })
    .filter((s) => s.total > 0)
    .sort((a, b) => b.total - a.total || a.segment.localeCompare(b.segment));
}
