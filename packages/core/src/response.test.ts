import { describe, expect, it } from "vitest";
import { responseSchema } from "./response.js";

const base = {
  id: "7b0c1f6e-uuid",
  surveyId: "nps-q4",
  kind: "nps",
  score: 9,
  category: "promoter",
  complete: false,
  anonymousId: "anon-1",
  createdAt: "2026-11-24T10:00:00.000Z",
  updatedAt: "2026-11-24T10:00:00.000Z",
  sdk: { name: "npskit", version: "0.1.0" },
};
const issues = (r: object) => {
  const parsed = responseSchema.safeParse(r);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("responseSchema", () => {
  it("accepts the contract's example", () => {
    expect(
      issues({ ...base, comment: "Fast", complete: true, userId: "user-42", attributes: { plan: "pro" } }),
    ).toEqual([]);
  });

  it("rejects a score outside the kind's scale", () => {
    expect(issues({ ...base, kind: "csat", score: 9 })).toEqual([
      'score: score must be between 1 and 5 for kind "csat", got 9',
    ]);
    expect(issues({ ...base, kind: "ces", score: 0, category: "detractor" })).toEqual([
      'score: score must be between 1 and 7 for kind "ces", got 0',
    ]);
  });

  it("rejects a category the score does not imply", () => {
    expect(issues({ ...base, score: 3 })).toEqual([
      'category: category must be "detractor" for nps score 3, got "promoter"',
    ]);
    expect(issues({ ...base, kind: "csat", score: 3, category: "passive" })).toEqual([]);
  });

  it("accepts a display without a score (impressions) and every earlier body without a status", () => {
    const shown = { ...base, score: null, category: null, status: "shown" };
    expect(issues(shown)).toEqual([]);
    expect(issues({ ...shown, status: "dismissed" })).toEqual([]);
    expect(issues({ ...base, status: "answered" })).toEqual([]);
    expect(issues({ ...base, complete: true, status: "completed", comment: "Fast" })).toEqual([]);
    expect(issues(base)).toEqual([]);
  });

  it("rejects a status that contradicts the score", () => {
    expect(issues({ ...base, score: null, category: null })).toEqual([
      'status: status must be "shown" or "dismissed" when score is null, got undefined',
    ]);
    expect(issues({ ...base, score: null, category: null, status: "answered" })).toEqual([
      'status: status must be "shown" or "dismissed" when score is null, got "answered"',
    ]);
    expect(issues({ ...base, score: null, category: "promoter", status: "shown" })).toEqual([
      'category: category must be null when score is null, got "promoter"',
    ]);
    expect(issues({ ...base, status: "dismissed" })).toEqual([
      'status: status must be "answered" or "completed" when there is a score, got "dismissed"',
    ]);
    expect(issues({ ...base, status: "seen" }).map((i) => i.split(":")[0])).toEqual(["status"]);
  });

  it("rejects answer times outside 2000–2099 by path, so a wrong clock cannot outrank real answers", () => {
    expect(issues({ ...base, createdAt: "0000-01-01T00:00:00Z", updatedAt: "9999-12-31T23:59:59Z" })).toEqual([
      "createdAt: must be between 2000-01-01 and 2099-12-31",
      "updatedAt: must be between 2000-01-01 and 2099-12-31",
    ]);
    expect(issues({ ...base, createdAt: "1999-12-31T23:59:59.999Z" })).toHaveLength(1);
    expect(issues({ ...base, createdAt: "2000-01-01T00:00:00Z", updatedAt: "2099-12-31T23:59:59.999+00:00" })).toEqual(
      [],
    );
  });

  it("bounds attributes: 50 keys of 1 to 64 characters, text values up to 500 characters", () => {
    const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`key-${i}`, "x".repeat(500)]));
    expect(issues({ ...base, attributes: fifty })).toEqual([]);
    expect(issues({ ...base, attributes: { ...fifty, one: "more" } })).toEqual([
      "attributes: at most 50 attributes per answer",
    ]);
    expect(issues({ ...base, attributes: { ["k".repeat(65)]: 1, "": 2, plan: "x".repeat(501) } })).toEqual([
      "attributes.plan: at most 500 characters",
      `attributes.${"k".repeat(65)}: attribute names are 1 to 64 characters`,
      "attributes.: attribute names are 1 to 64 characters",
    ]);
  });

  it("accepts a userHash (whether it matches is the backend's check)", () => {
    expect(issues({ ...base, userId: "user-42", userHash: "a1".repeat(32) })).toEqual([]);
    expect(issues({ ...base, userId: "user-42", userHash: 42 })).toHaveLength(1);
  });
});
