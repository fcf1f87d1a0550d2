// Coverage by simulation: how often the 95% interval of `npsOf` holds the true NPS, for several
// true distributions and sample sizes. Seeded, so the table is the same on every run; the
// insights README shows it (and this test checks that the README says what the simulation finds).
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { seededRandom } from "@npskit/test-support/random";
import { npsOf } from "./summary.js";

/** True shares of promoters, passives and detractors. */
const DISTRIBUTIONS: readonly [number, number, number][] = [
  [0.6, 0.3, 0.1],
  [0.4, 0.3, 0.3],
  [0.2, 0.3, 0.5],
  [0.8, 0.15, 0.05],
  [0.33, 0.34, 0.33],
  [0.1, 0.8, 0.1],
  [0.9, 0.07, 0.03],
];
const SIZES = [10, 30, 100];
const DRAWS = 10_000;

type Interval = (promoters: number, passives: number, detractors: number) => { low: number; high: number };

/** The plain Wald interval npskit used before, for comparison. */
const wald: Interval = (promoters, passives, detractors) => {
  const n = promoters + passives + detractors;
  const [p, d] = [promoters / n, detractors / n];
  const half = 1.96 * 100 * Math.sqrt((p + d - (p - d) ** 2) / n);
  return { low: (p - d) * 100 - half, high: (p - d) * 100 + half };
};

const current: Interval = (...counts) => {
  const { low, high } = npsOf(...counts);
  return { low: low as number, high: high as number };
};

function coverage(
  interval: Interval,
  [p, passive, d]: readonly [number, number, number],
  n: number,
  random: () => number,
): number {
  const truth = Math.round((p - d) * 1000) / 10;
  let covered = 0;
  for (let draw = 0; draw < DRAWS; draw++) {
    const counts = [0, 0, 0] as [number, number, number];
    for (let i = 0; i < n; i++) {
      const u = random();
      counts[u < p ? 0 : u < p + passive ? 1 : 2]++;
    }
    const { low, high } = interval(...counts);
    if (low <= truth && truth <= high) covered++;
  }
  return (covered * 100) / DRAWS;
}

function table(interval: Interval): number[][] {
  const random = seededRandom(14);
  return DISTRIBUTIONS.map((distribution) => SIZES.map((n) => coverage(interval, distribution, n, random)));
}

describe("the NPS interval's coverage", () => {
  let rows: number[][] = [];
  beforeAll(() => {
    rows = table(current);
  }, 60_000);

  it("holds the true NPS in at least 94% of samples at n = 10, 30 and 100", () => {
    for (const row of rows) for (const percent of row) expect(percent).toBeGreaterThanOrEqual(94);
  });

  it("is what the insights README reports", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    for (const [i, [p, passive, d]] of DISTRIBUTIONS.entries()) {
      const label = `${p * 100} / ${Math.round(passive * 100)} / ${Math.round(d * 100)}`;
      const cells = (rows[i] as number[]).map((c) => `${c.toFixed(1)}%`).join(" | ");
      expect(readme).toContain(`| ${label} | ${cells} |`);
    }
  });

  it("tells the old interval apart: the plain Wald one falls short at small n", () => {
    const old = table(wald);
    expect(Math.min(...old.map((row) => row[0] as number))).toBeLessThan(90);
  }, 60_000);
});
