// @npskit/insights: NPS math for reports. Pure functions over wire-format responses: no DOM, no I/O.
export { latestById } from "./latest.js";
export { summarize, npsOf, hasScore, MIN_ANSWERS, type NpsSummary, type ScoredResponse } from "./summary.js";
export { npsDifference, type NpsDifference, type CompareOptions } from "./compare.js";
export { summarizeCsat, summarizeCes, scaleOf, type ScaleSummary, type ScaleCounts } from "./scales.js";
export { bySegment, segmentOf, SMALL_SEGMENT, NO_SEGMENT, type SegmentSummary } from "./segments.js";
export { trend, type TrendPoint, type Period } from "./trend.js";
export { responseRate, responseRateBySegment, responseRateTrend, rateOf, type ResponseRate, type RateCounts } from "./rate.js";
export { revenueAtRisk, numericAttribute, type RevenueAtRisk, type ValueOf } from "./revenue.js";
export { latestByRespondent, detractorsToContact, respondentOf, type Detractor } from "./respondents.js";
export { themes, type Theme, type Themes, type ThemeOptions } from "./themes.js";
