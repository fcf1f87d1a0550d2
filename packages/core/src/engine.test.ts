import { describe, expect, it } from "vitest";
import { explain, pickSurvey, type EngineContext } from "./engine.js";
import { newUserState, recordOutcome, type UserState } from "./user-state.js";
import { sampleBucket } from "./sampling.js";
import { DAY_MS } from "./clock.js";
import { configOf, NOW } from "./test-support.test-data.js";

const page: EngineContext = { url: "https://app.example.com/app/settings", device: "desktop", locale: "en-US" };
const user = (attributes = {}): UserState => ({ ...newUserState("anon-1"), userId: "user-42", attributes });

const config = configOf([
  {
    id: "nps-q4",
    trigger: { event: "checkout" },
    delaySeconds: 5,
    audience: {
      urls: { include: ["/app/**"], exclude: ["/app/billing*"] },
      devices: ["desktop"],
      locales: ["en"],
      attributes: [{ key: "plan", op: "in", value: ["pro", "team"] }],
    },
  },
  { id: "csat", kind: "csat", audience: { urls: { include: ["/help/**"] } } },
  { id: "everywhere" },
]);

describe("explain", () => {
  it("says why a survey would show, including its delay", () => {
    const result = explain(config, "nps-q4", user({ plan: "pro" }), { ...page, event: { name: "checkout" } }, NOW);
    expect(result.eligible).toBe(true);
    expect(result.reasons).toEqual([
      'event "checkout"',
      "no schedule",
      'page matches "/app/**"',
      "device desktop",
      "locale en-US",
      "user attributes match",
      expect.stringMatching(/^in sample \(bucket 0\.\d\d < sample 1\)$/),
      "no survey on screen",
      "never answered",
      "never dismissed",
      "shown 0 time(s)",
      "no survey shown before",
      "shown after a 5 s delay",
    ]);
    expect(result.nextEligibleAt).toBeUndefined();
  });

  it("lists every rule that fails", () => {
    const result = explain(
      config,
      "nps-q4",
      user({ plan: "free" }),
      { url: "/app/billing", device: "mobile", locale: "fr" },
      NOW,
    );
    expect(result).toEqual({
      eligible: false,
      reasons: [
        'waits for event "checkout" (this was a page view)',
        'page /app/billing is excluded by "/app/billing*"',
        "device mobile is not one of desktop",
        "locale fr is not one of en",
        'attribute plan is "free"; needs in ["pro","team"]',
      ],
    });
  });

  it("reports sampling with the bucket", () => {
    const sampled = configOf([{ id: "s", audience: { sample: 0.25 } }]);
    const outUser = Array.from({ length: 50 }, (_, i) => `u${i}`).find((id) => sampleBucket(id, "s") >= 0.25)!;
    const result = explain(sampled, "s", { ...newUserState("x"), userId: outUser }, page, NOW);
    expect(result.eligible).toBe(false);
    expect(result.reasons[0]).toMatch(/^sampled out \(bucket 0\.\d\d ≥ sample 0\.25\)$/);
  });

  it("gives nextEligibleAt when only waiting stands in the way", () => {
    const answered = recordOutcome(user(), "everywhere", "answered", NOW - 30 * DAY_MS);
    const result = explain(config, "everywhere", answered, page, NOW);
    expect(result).toEqual({
      eligible: false,
      reasons: ["answered 30 days ago; re-ask after 90 days on 2027-01-24"],
      nextEligibleAt: "2027-01-24T12:00:00.000Z",
    });
    const alsoWrongPage = explain(config, "csat", recordOutcome(user(), "csat", "answered", NOW), page, NOW);
    expect(alsoWrongPage.nextEligibleAt).toBeUndefined();
  });

  it("names the configured surveys when the id is unknown", () => {
    expect(explain(config, "nps", user(), page, NOW).reasons).toEqual([
      'no survey with id "nps" (configured: "nps-q4", "csat", "everywhere")',
    ]);
  });
});

describe("pickSurvey", () => {
  it("returns the first eligible survey for the trigger", () => {
    expect(pickSurvey(config, user({ plan: "pro" }), page, NOW)?.survey.id).toBe("everywhere");
    const checkout = pickSurvey(config, user({ plan: "pro" }), { ...page, event: { name: "checkout" } }, NOW);
    expect(checkout).toMatchObject({ eligible: true, delaySeconds: 5, survey: { id: "nps-q4" } });
    expect(pickSurvey(config, user(), { ...page, url: "/help/faq" }, NOW)?.survey.id).toBe("csat");
  });

  it("returns nothing while a survey is on screen or right after one was shown", () => {
    expect(pickSurvey(config, user(), { ...page, visibleSurveyId: "csat" }, NOW)).toBeUndefined();
    const justShown = recordOutcome(user(), "csat", "shown", NOW - DAY_MS);
    expect(pickSurvey(config, justShown, page, NOW)).toBeUndefined();
    expect(pickSurvey(config, justShown, page, NOW + 7 * DAY_MS)?.survey.id).toBe("everywhere");
  });
});
