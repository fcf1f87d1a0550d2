// @npskit/insights: NPS math for reports. Pure functions over wire-format responses: no DOM, no I/O.
export { latestById } from "./latest.js";
export {
  summarize,
  summarizeCounts,
  npsOf,
  hasScore,
  MIN_ANSWERS,
  type NpsSummary,
  type ScoredResponse,
  type ScoreCount,
} from "./summary.js";
export { npsDifference, type NpsDifference, type CompareOptions } from "./compare.js";
export {
  summarizeCsat,
  summarizeCes,
  csatOfCounts,
  cesOfCounts,
  scaleOf,
  type ScaleSummary,
  type ScaleCounts,
} from "./scales.js";
export {
  bySegment,
  segmentOf,
  segmentName,
  segmentsOfCounts,
  SMALL_SEGMENT,
  NO_SEGMENT,
  type SegmentSummary,
} from "./segments.js";
export { trend, trendOfCounts, type TrendPoint, type TimedScoreCount, type Period } from "./trend.js";
export {
  responseRate,
  responseRateBySegment,
  responseRateTrend,
  rateOf,
  rateOfCounts,
  rateBySegmentOfCounts,
  rateTrendOfCounts,
  type ResponseRate,
  type RateCounts,
  type StatusCount,
} from "./rate.js";
export {
  revenueAtRisk,
  revenueAtRiskOf,
  numericAttribute,
  NUMERIC_TEXT,
  type RevenueAtRisk,
  type ValueOf,
  type ValueTotal,
} from "./revenue.js";
export { latestByRespondent, detractorsToContact, respondentOf, type Detractor } from "./respondents.js";
export { themes, type Theme, type Themes, type ThemeOptions } from "./themes.js";
