import { round1 } from "./round.js";
import type { NpsSummary } from "./summary.js";

export interface NpsDifference {
  /** `current.nps − previous.nps`, one decimal. */
  delta: number;
  /** 95% margin of the difference of two independent samples: √(m₁² + m₂²), one decimal. */
  marginOfError: number;
  /** The change is larger than its margin: unlikely to be noise. */
  significant: boolean;
}

/** How NPS moved between two samples (e.g. two months), and whether that is more than noise. */
export function npsDifference(current: NpsSummary, previous: NpsSummary): NpsDifference | null {
  if (current.nps === null || previous.nps === null || current.marginOfError === null || previous.marginOfError === null) return null;
  const delta = round1(current.nps - previous.nps);
  const marginOfError = round1(Math.hypot(current.marginOfError, previous.marginOfError));
  return { delta, marginOfError, significant: Math.abs(delta) > marginOfError };
}
