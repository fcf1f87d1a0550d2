// 95% interval helpers shared by NPS, CSAT/CES and response rates.

/** An interval `[low, high]` in the unit of its estimate. */
export interface Interval {
  low: number;
  high: number;
}

// Student's t 0.975 quantiles for 1..30 degrees of freedom.
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** z of a two-sided 95% interval. */
export const Z95 = 1.959964;

/** The t value of a two-sided 95% interval with `df` degrees of freedom (Cornish–Fisher above 30: error < 0.001). */
export function t95(df: number): number {
  if (df <= 30) return T975[Math.max(1, Math.floor(df)) - 1] as number;
  const z = Z95;
  return (
    z +
    (z ** 3 + z) / (4 * df) +
    (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2) +
    (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / (384 * df ** 3)
  );
}

/** Wilson score interval of a proportion (0..1): never empty at 0 or n successes, unlike the plain one. */
export function wilson(successes: number, n: number): Interval {
  const z2 = Z95 ** 2;
  const p = successes / n;
  const center = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { low: Math.max(0, center - half), high: Math.min(1, center + half) };
}
