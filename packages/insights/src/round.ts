/** Rounds half away from zero to one decimal, so −12.25 and 12.25 round symmetrically. */
export function round1(x: number): number {
  return (Math.sign(x) * Math.round(Math.abs(x) * 10)) / 10 || 0;
}
