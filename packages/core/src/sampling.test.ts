import { describe, expect, it } from "vitest";
import { checkSample, hash32, sampleBucket } from "./sampling.js";
import { reasonOf } from "./reasons.js";

const ids = Array.from({ length: 100_000 }, (_, i) => `anon-${i}`);
const shareIn = (sample: number, surveyId: string) =>
  ids.filter((id) => sampleBucket(id, surveyId) < sample).length / ids.length;

describe("sampling", () => {
  it("is deterministic", () => {
    expect(sampleBucket("user-42", "nps-q4")).toBe(sampleBucket("user-42", "nps-q4"));
    expect(hash32("abc")).toBe(hash32("abc"));
    expect(hash32("abc")).not.toBe(hash32("abd"));
  });

  it.each([0.01, 0.1, 0.25, 0.5, 0.9])("keeps %f of 100k sequential ids within ±1%", (sample) => {
    expect(Math.abs(shareIn(sample, "nps-q4") - sample)).toBeLessThan(0.01);
  });

  it("is monotonic: raising the sample only adds users", () => {
    const inAt = (s: number) => new Set(ids.filter((id) => sampleBucket(id, "nps-q4") < s));
    const at10 = inAt(0.1);
    const at20 = inAt(0.2);
    for (const id of at10) expect(at20.has(id)).toBe(true);
    expect(at20.size).toBeGreaterThan(at10.size);
  });

  it("is independent across surveys", () => {
    const a = ids.map((id) => sampleBucket(id, "nps-q4") < 0.5);
    const b = ids.map((id) => sampleBucket(id, "csat-support") < 0.5);
    const both = a.filter((x, i) => x && b[i]).length / ids.length;
    expect(Math.abs(both - 0.25)).toBeLessThan(0.01); // P(A∧B) = P(A)·P(B)
  });

  it("spreads buckets evenly (chi-square over 20 bins)", () => {
    const bins = new Array(20).fill(0);
    for (const id of ids) bins[Math.floor(sampleBucket(id, "s") * 20)]++;
    const expected = ids.length / 20;
    const chi2 = bins.reduce((sum, n) => sum + (n - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(43.8); // p = 0.001 for 19 degrees of freedom
  });

  it("says which side of the sample the user is on", () => {
    const bucket = sampleBucket("u", "s");
    expect(checkSample(1, "u", "s").ok).toBe(true);
    expect(checkSample(0, "u", "s").ok).toBe(false);
    expect(reasonOf(checkSample(bucket, "u", "s"))).toMatch(/^sampled out \(bucket 0\.\d\d ≥ sample /);
  });
});
