import { round1 } from "./round.js";
import { MIN_ANSWERS, type NpsSummary } from "./summary.js";

export interface NpsDifference {
  /** `current.nps − previous.nps`, one decimal. */
  delta: number;
  /** 95% interval of the difference (one decimal), from each sample's own interval. */
  low: number;
  high: number;
  /** Half the width of `low..high`, one decimal. */
  marginOfError: number;
  /**
   * `"not enough answers"` when either sample has fewer than the minimum (no verdict either way);
   * else `"up"` or `"down"` when the interval excludes 0, `"unclear"` when it does not (likely noise).
   */
  verdict: "up" | "down" | "unclear" | "not enough answers";
  /** The verdict is `"up"` or `"down"`. */
  significant: boolean;
}

export interface CompareOptions {
  /** Fewest answers each sample needs for a verdict (default `MIN_ANSWERS`, 30). */
  minAnswers?: number;
}

/**
 * How NPS moved between two independent samples (e.g. two months), and whether that is more
 * than noise. The interval combines the two (asymmetric) intervals by the MOVER method (Newcombe
 * 1998; Zou & Donner 2008), so it stays honest where either interval is lopsided.
 */
export function npsDifference(
  current: NpsSummary,
  previous: NpsSummary,
  options: CompareOptions = {},
): NpsDifference | null {
  const [a, b] = [bounds(current), bounds(previous)];
  if (!a || !b) return null;
  const delta = a.nps - b.nps;
  const low = delta - Math.hypot(Math.max(0, a.nps - a.low), Math.max(0, b.high - b.nps));
  const high = delta + Math.hypot(Math.max(0, a.high - a.nps), Math.max(0, b.nps - b.low));
  const minAnswers = options.minAnswers ?? MIN_ANSWERS;
  const verdict =
    current.total < minAnswers || previous.total < minAnswers
      ? "not enough answers"
      : low > 0
        ? "up"
        : high < 0
          ? "down"
          : "unclear";
  return {
    delta: round1(delta),
    low: round1(low),
    high: round1(high),
    marginOfError: round1((high - low) / 2),
    verdict,
    significant: verdict === "up" || verdict === "down",
  };
}

const bounds = (s: NpsSummary) =>
  s.nps === null || s.low === null || s.high === null ? null : { nps: s.nps, low: s.low, high: s.high };
