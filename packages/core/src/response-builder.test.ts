import { describe, expect, test } from "vitest";
import { responseSchema } from "./response.js";
import {
  completedResponse,
  dismissedResponse,
  rescoredResponse,
  scoredResponse,
  shownResponse,
  type Respondent,
  type Sender,
} from "./response-builder.js";

const SDK: Sender = { name: "npskit", version: "0.1.0" };

const who: Respondent = {
  userId: "user-42",
  anonymousId: "anon-1",
  attributes: { plan: "pro" },
  url: "https://app.example.com/a",
  locale: "en",
};
const T0 = Date.parse("2026-11-24T10:00:00.000Z");
const ID = "7b0c2c52-2f0e-4d55-9a7e-0c6f1b3c9e11";

describe("responses", () => {
  test("a score is saved at once as an incomplete response in the wire format", () => {
    const r = scoredResponse(ID, { id: "nps-q4", kind: "nps" }, 9, who, T0, SDK);
    expect(r).toEqual({
      id: ID,
      surveyId: "nps-q4",
      kind: "nps",
      score: 9,
      category: "promoter",
      complete: false,
      userId: "user-42",
      anonymousId: "anon-1",
      attributes: { plan: "pro" },
      url: who.url,
      locale: "en",
      createdAt: "2026-11-24T10:00:00.000Z",
      updatedAt: "2026-11-24T10:00:00.000Z",
      sdk: { name: "npskit", version: "0.1.0" },
    });
    expect(responseSchema.safeParse(r).success).toBe(true);
  });

  test("a page address longer than the wire format allows is cut, so the answer is not refused", () => {
    const url = `https://app.example.com/a?state=${"x".repeat(3000)}`;
    const r = scoredResponse(ID, { id: "nps-q4", kind: "nps" }, 9, { ...who, url }, T0, SDK);
    expect(r.url).toBe(url.slice(0, 2048));
    expect(responseSchema.safeParse(r).success).toBe(true);
    const split = `https://app.example.com/${"x".repeat(2023)}👍`; // the cut would fall inside the emoji
    expect(scoredResponse(ID, { id: "nps-q4", kind: "nps" }, 9, { ...who, url: split }, T0, SDK).url).toBe(
      split.slice(0, 2047),
    );
  });

  test("a user id longer than the wire format allows is left out, with its hash, so the answer is not refused", () => {
    const long = { ...who, userId: "u".repeat(201), userHash: "ab".repeat(32) };
    const r = scoredResponse(ID, { id: "nps-q4", kind: "nps" }, 9, long, T0, SDK);
    expect(r.userId).toBeNull();
    expect(r).not.toHaveProperty("userHash");
    expect(responseSchema.safeParse(r).success).toBe(true);
    expect(
      scoredResponse(ID, { id: "nps-q4", kind: "nps" }, 9, { ...long, userId: "u".repeat(200) }, T0, SDK),
    ).toMatchObject({
      userId: "u".repeat(200),
      userHash: "ab".repeat(32),
    });
  });

  test("the comment completes the same id with a later updatedAt", () => {
    const scored = scoredResponse(ID, { id: "csat-1", kind: "csat" }, 2, who, T0, SDK);
    const done = completedResponse(scored, "  Too slow ", T0 + 9000);
    expect(done).toMatchObject({
      id: scored.id,
      category: "detractor",
      comment: "Too slow",
      complete: true,
      createdAt: scored.createdAt,
      updatedAt: "2026-11-24T10:00:09.000Z",
    });
    expect(responseSchema.safeParse(done).success).toBe(true);
  });

  test("an empty comment is left out; each newer state is later, even if the clock stood still or went back", () => {
    const scored = scoredResponse(ID, { id: "nps", kind: "nps" }, 7, who, T0, SDK);
    const done = completedResponse(scored, "   ", T0 - 5000);
    expect(done).not.toHaveProperty("comment");
    expect(done.updatedAt).toBe("2026-11-24T10:00:00.001Z");
    const rescored = rescoredResponse(scored, 9, T0);
    expect(rescored).toMatchObject({ score: 9, category: "promoter", updatedAt: "2026-11-24T10:00:00.001Z" });
    expect(completedResponse(rescored, "ok", T0).updatedAt).toBe("2026-11-24T10:00:00.002Z");
  });

  test("a display starts without a score and keeps its id and createdAt through its states", () => {
    const shown = shownResponse(ID, { id: "nps-q4", kind: "nps" }, who, T0, SDK);
    expect(shown).toMatchObject({
      id: ID,
      score: null,
      category: null,
      status: "shown",
      complete: false,
      createdAt: "2026-11-24T10:00:00.000Z",
    });
    const dismissed = dismissedResponse(shown, T0 + 4000);
    const answered = rescoredResponse(shown, 10, T0 + 3000);
    const completed = completedResponse(answered, "Nice", T0 + 9000);
    expect(dismissed).toMatchObject({ status: "dismissed", score: null, updatedAt: "2026-11-24T10:00:04.000Z" });
    expect(answered).toMatchObject({ status: "answered", score: 10, category: "promoter" });
    expect(completed).toMatchObject({
      status: "completed",
      complete: true,
      comment: "Nice",
      createdAt: shown.createdAt,
    });
    for (const r of [shown, dismissed, answered, completed]) expect(responseSchema.safeParse(r).success).toBe(true);
  });
});
