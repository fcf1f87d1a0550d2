import { expect, test, vi } from "vitest";
import { response } from "../test/fakes.js";
import { eventProperties, posthogAdapter, segmentAdapter } from "./adapters.js";

test("event properties carry the answer and the response id, not the user's identifiers or attributes", () => {
  const r = response({
    comment: "Great",
    userId: "user-42",
    attributes: { plan: "pro" },
    locale: "en",
    url: "https://app.example.com/x",
  });
  expect(eventProperties(r)).toEqual({
    responseId: r.id,
    surveyId: "nps-q4",
    kind: "nps",
    score: 9,
    category: "promoter",
    comment: "Great",
    complete: true,
    status: undefined,
    locale: "en",
    url: "https://app.example.com/x",
    answeredAt: r.updatedAt,
  });
});

test("segment-style: track(event, properties), event name configurable", async () => {
  const analytics = { track: vi.fn() };
  const r = response();
  await segmentAdapter(analytics).send(r);
  await segmentAdapter(analytics, "Survey Answered").send(r);
  expect(analytics.track.mock.calls).toEqual([
    ["NPS Survey Answered", eventProperties(r)],
    ["Survey Answered", eventProperties(r)],
  ]);
});

test("posthog-style: capture(event, properties), through a getter for a tool that loads later", async () => {
  let tool: { capture: ReturnType<typeof vi.fn> } | undefined;
  const adapter = posthogAdapter(() => tool as never);
  expect(() => adapter.send(response())).toThrow(/not loaded/);
  tool = { capture: vi.fn() };
  const r = response();
  await adapter.send(r);
  expect(tool.capture).toHaveBeenCalledWith("survey response", eventProperties(r));
});

test("adapter names are stable: they are persisted to remember where a state went", () => {
  expect(segmentAdapter({ track() {} }).name).toBe("segment");
  expect(posthogAdapter({ capture() {} }).name).toBe("posthog");
});

test("displays are forwarded under their own event names, renamable per state", async () => {
  const analytics = { track: vi.fn() };
  const posthog = { capture: vi.fn() };
  const shown = response({ score: null, category: null, status: "shown", complete: false });
  const states = [
    shown,
    { ...shown, status: "dismissed" as const },
    response({ status: "answered", complete: false }),
    response({ status: "completed" }),
  ];
  for (const r of states) {
    await segmentAdapter(analytics).send(r);
    await posthogAdapter(posthog).send(r);
  }
  expect(analytics.track.mock.calls.map(([event]) => event)).toEqual([
    "NPS Survey Shown",
    "NPS Survey Dismissed",
    "NPS Survey Answered",
    "NPS Survey Answered",
  ]);
  expect(posthog.capture.mock.calls.map(([event]) => event)).toEqual([
    "survey shown",
    "survey dismissed",
    "survey response",
    "survey response",
  ]);
  expect(analytics.track.mock.calls[0]?.[1]).toMatchObject({ status: "shown", score: null });
  const renamed = { track: vi.fn() };
  await segmentAdapter(renamed, { shown: "Survey Viewed" }).send(shown);
  await segmentAdapter(renamed, { shown: "Survey Viewed" }).send(states[2]!);
  expect(renamed.track.mock.calls.map(([event]) => event)).toEqual(["Survey Viewed", "NPS Survey Answered"]);
});
