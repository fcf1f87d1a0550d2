import { describe, expect, it } from "vitest";
import { throttleChecks, throttleClearsAt, type ThrottleState } from "./throttle.js";
import { DAY_MS } from "./clock.js";
import { NOW, surveyOf } from "./test-support.test-data.js";
import { reasonOf } from "./reasons.js";

const survey = surveyOf({ id: "nps", throttle: { maxDisplays: 2 } });
const config = { globalThrottle: { minDaysBetweenSurveys: 7 } };
const failing = (state: ThrottleState, now = NOW, visible?: string) =>
  throttleChecks(survey, config, state, now, visible)
    .filter((c) => !c.ok)
    .map((c) => ({ ...c, reason: reasonOf(c) })); // with the reason in words (reasons.ts)

describe("throttleChecks", () => {
  it("lets a user who was never asked through", () => {
    expect(failing({ surveys: {} })).toEqual([]);
  });

  it("waits afterAnswerDays (90) after an answer, and says until when", () => {
    const state = { surveys: { nps: { displays: 0, lastAnsweredAt: NOW - 30 * DAY_MS } } };
    const [check] = failing(state);
    expect(check).toMatchObject({
      code: "answered",
      reason: "answered 30 days ago; re-ask after 90 days on 2027-01-24",
    });
    expect(check!.clearsAt).toBe(NOW + 60 * DAY_MS);
    expect(failing(state, NOW + 60 * DAY_MS)).toEqual([]);
  });

  it("waits afterDismissDays (14) after a dismissal", () => {
    const state = { surveys: { nps: { displays: 1, lastDismissedAt: NOW - DAY_MS } } };
    expect(failing(state).map((c) => c.reason)).toEqual([
      "dismissed 1 day ago; asked again after 14 days on 2026-12-08",
    ]);
    expect(failing(state, NOW + 13 * DAY_MS)).toEqual([]);
  });

  it("stops after maxDisplays without an answer, for good", () => {
    const [check] = failing({ surveys: { nps: { displays: 2 } } });
    expect(check).toMatchObject({ code: "maxDisplays" });
    expect(check!.clearsAt).toBeUndefined();
  });

  it("keeps minDaysBetweenSurveys across surveys", () => {
    const state = {
      surveys: { other: { displays: 1, lastShownAt: NOW - 2 * DAY_MS } },
      lastSurveyShownAt: NOW - 2 * DAY_MS,
    };
    expect(failing(state).map((c) => c.reason)).toEqual([
      "a survey was shown 2 days ago; next survey after 7 days on 2026-11-30",
    ]);
  });

  it("shows one survey at a time", () => {
    expect(failing({ surveys: {} }, NOW, "csat").map((c) => c.code)).toEqual(["visible"]);
  });

  it("nextEligibleAt is when the last time-based block clears, none if one never clears", () => {
    const state = {
      surveys: { nps: { displays: 0, lastAnsweredAt: NOW - 80 * DAY_MS } },
      lastSurveyShownAt: NOW - DAY_MS,
    };
    expect(throttleClearsAt(failing(state))).toBe(NOW + 10 * DAY_MS);
    expect(throttleClearsAt(failing({ ...state, surveys: { nps: { displays: 2 } } }))).toBeUndefined();
    expect(throttleClearsAt([])).toBeUndefined();
  });
});
