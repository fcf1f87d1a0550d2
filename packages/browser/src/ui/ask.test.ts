import { expect, test, vi } from "vitest";
import { responseSchema, type SurveyResponse } from "@npskit/core";
import { askSurvey, type AnswerHooks } from "./ask.js";
import type { MountOptions } from "../lazy-parts.js";

const survey = { id: "nps-q4", kind: "nps" as const };

function setup({ impressions = false } = {}) {
  const mounted: MountOptions[] = [];
  const close = vi.fn();
  const submitted: SurveyResponse[] = [];
  const recorded: string[] = [];
  const events: Array<[string, any]> = [];
  const done = vi.fn();
  let now = Date.parse("2026-11-24T10:00:00Z");
  const hooks: AnswerHooks = {
    now: () => (now += 1000),
    newId: () => "7b0c2c52-2f0e-4d55-9a7e-0c6f1b3c9e11",
    respondent: () => ({ userId: "u", anonymousId: "a", attributes: {}, url: "https://x.test/", locale: "en" }),
    submit: (r) => void submitted.push(r),
    record: (outcome) => void recorded.push(outcome),
    emit: (name, payload) => void events.push([name, payload]),
    done,
    display: { locale: "de", product: "Acme" },
    impressions,
  };
  const remove = askSurvey((options) => (mounted.push(options), { close }), survey, hooks);
  mounted[0]!.onShown?.();
  return { ui: mounted[0]!, close, submitted, recorded, events, done, remove };
}

test("nothing is recorded until the widget reports it is on screen", () => {
  const recorded: string[] = [];
  askSurvey(() => ({ close() {} }), survey, {
    record: (o: string) => recorded.push(o),
    emit: () => {},
  } as unknown as AnswerHooks);
  expect(recorded).toEqual([]);
});

test("once shown, the display is recorded and announced, with the display options passed on", () => {
  const { ui, recorded, events } = setup();
  expect(ui).toMatchObject({ survey, locale: "de", product: "Acme" });
  expect(recorded).toEqual(["shown"]);
  expect(events).toEqual([["shown", { surveyId: "nps-q4" }]]);
});

test("a score sends a partial response; a changed score updates the same id; send completes it", () => {
  const { ui, submitted, recorded, events, done } = setup();
  ui.onScore(6);
  ui.onScore(9);
  ui.onComplete({ score: 9, comment: "Great" });
  ui.onComplete({ score: 9, comment: "twice" });
  expect(submitted.map((r) => [r.score, r.category, r.complete, r.comment])).toEqual([
    [6, "detractor", false, undefined],
    [9, "promoter", false, undefined],
    [9, "promoter", true, "Great"],
  ]);
  expect(new Set(submitted.map((r) => r.id)).size).toBe(1);
  expect(recorded).toEqual(["shown", "answered"]);
  expect(events.map(([name]) => name)).toEqual(["shown", "answered", "answered", "completed"]);
  expect(done).toHaveBeenCalledTimes(1); // the thank-you does not hold the screen
});

test("closing before a score records a dismissal; closing at the follow-up does not", () => {
  const first = setup();
  first.ui.onDismiss();
  expect(first.recorded).toEqual(["shown", "dismissed"]);
  expect(first.events.at(-1)).toEqual(["dismissed", { surveyId: "nps-q4", answered: false }]);
  expect(first.close).toHaveBeenCalled();
  expect(first.done).toHaveBeenCalled();

  const second = setup();
  second.ui.onScore(8);
  second.ui.onDismiss();
  expect(second.recorded).toEqual(["shown", "answered"]);
  expect(second.events.at(-1)).toEqual(["dismissed", { surveyId: "nps-q4", answered: true }]);
});

test("with impressions, the display is one record: shown, then answered, then completed", () => {
  const { ui, submitted, recorded } = setup({ impressions: true });
  expect(submitted.map((r) => [r.status, r.score, r.category, r.complete])).toEqual([["shown", null, null, false]]);
  ui.onScore(6);
  ui.onScore(9);
  ui.onComplete({ score: 9, comment: "Great" });
  ui.onDismiss(); // the thank-you closed: the answer stands
  expect(submitted.map((r) => [r.status, r.score, r.complete])).toEqual([
    ["shown", null, false],
    ["answered", 6, false],
    ["answered", 9, false],
    ["completed", 9, true],
  ]);
  expect(new Set(submitted.map((r) => r.id)).size).toBe(1);
  expect(new Set(submitted.map((r) => r.createdAt)).size).toBe(1);
  expect(submitted.map((r) => Date.parse(r.updatedAt))).toEqual(
    [...submitted.map((r) => Date.parse(r.updatedAt))].sort(),
  );
  expect(submitted.every((r) => responseSchema.safeParse(r).success)).toBe(true);
  expect(recorded).toEqual(["shown", "answered"]);
});

test("with impressions, closing before a score sends the dismissal; closing after one keeps the answer", () => {
  const first = setup({ impressions: true });
  first.ui.onDismiss();
  expect(first.submitted.map((r) => [r.status, r.score])).toEqual([
    ["shown", null],
    ["dismissed", null],
  ]);
  expect(first.submitted[1]!.updatedAt > first.submitted[0]!.updatedAt).toBe(true);

  const second = setup({ impressions: true });
  second.ui.onScore(8);
  second.ui.onDismiss();
  expect(second.submitted.map((r) => [r.status, r.score])).toEqual([
    ["shown", null],
    ["answered", 8],
  ]);
});

test("without impressions, nothing is sent before a score and no record has a status", () => {
  const first = setup();
  first.ui.onDismiss();
  expect(first.submitted).toEqual([]);
  const second = setup();
  second.ui.onScore(3);
  second.ui.onComplete({ score: 3, comment: "" });
  expect(second.submitted.map((r) => r.status)).toEqual([undefined, undefined]);
});

test("the returned function removes the widget", () => {
  const { remove, close } = setup();
  remove();
  expect(close).toHaveBeenCalled();
});
