// Deterministic sampling: a user is in or out of a survey's sample for good, and raising the
// sample only adds users (bucket < sample), so 0.1 → 0.2 keeps the first 10% in.
import { fail, pass, type Check } from "./checks.js";

/** FNV-1a over UTF-16 code units, finished with murmur3's avalanche so nearby ids spread out. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The user's fixed position in [0, 1) for this survey; independent across surveys. */
export const sampleBucket = (userKey: string, surveyId: string) => hash32(`${surveyId}\u0000${userKey}`) / 2 ** 32;

export function checkSample(sample: number, userKey: string, surveyId: string): Check {
  const bucket = sampleBucket(userKey, surveyId);
  return bucket < sample
    ? pass("sample", ["inSample", bucket, sample])
    : fail("sample", ["sampledOut", bucket, sample]);
}
