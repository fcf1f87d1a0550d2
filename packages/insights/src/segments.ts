import type { SurveyResponse } from "@npskit/core";
import { groupBy } from "./group.js";
import { latestById } from "./latest.js";
import { countOne, summarizeCounts, type NpsSummary, type ScoreCount } from "./summary.js";

/** Segments with fewer answers than this have a margin too wide to compare; they are flagged. */
export const SMALL_SEGMENT = 30;

/** The segment name of responses without the attribute (or with `null`). */
export const NO_SEGMENT = "(none)";

export interface SegmentSummary extends NpsSummary {
  segment: string;
  /** Fewer than `SMALL_SEGMENT` answers: read its NPS with care. */
  small: boolean;
}

/** The segment an attribute value puts a response in: its text, or `NO_SEGMENT` when missing. */
export const segmentName = (value: unknown): string => (value === undefined || value === null || value === "" ? NO_SEGMENT : String(value));

/** NPS per value of one attribute (e.g. `plan`), largest segment first. */
export function bySegment(responses: readonly SurveyResponse[], attributeKey: string): SegmentSummary[] {
  // Latest state first, so an answer whose attributes changed lands in one segment only.
  return segmentsOfCounts(latestById(responses).map((r) => ({ ...countOne(r), segment: segmentName(r.attributes?.[attributeKey]) })));
}

/** `bySegment` from score counts per segment. */
export function segmentsOfCounts(counts: Iterable<ScoreCount & { segment: string }>): SegmentSummary[] {
  return [...groupBy(counts, (c) => c.segment)]
    .map(([segment, group]) => {
      const summary = summarizeCounts(group);
      return { segment, ...summary, small: summary.total < SMALL_SEGMENT };
    })
    .filter((s) => s.total > 0)
    .sort((a, b) => b.total - a.total || a.segment.localeCompare(b.segment));
}
