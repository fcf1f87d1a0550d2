// Adapters forward each response state, as an analytics event, to a tool already on the page.
import type { SurveyResponse } from "@npskit/core/runtime";
import type { Send } from "./transport.js";

/**
 * A named destination besides (or instead of) the endpoint. The name is persisted with each
 * queued state to remember where that state already went, so keep it stable and unique.
 */
export interface Adapter {
  name: string;
  send: Send;
}

/** The event properties adapters send: the answer, without identifiers the tool already has. */
export const eventProperties = (r: SurveyResponse) => ({
  responseId: r.id,
  surveyId: r.surveyId,
  kind: r.kind,
  score: r.score,
  category: r.category,
  comment: r.comment,
  complete: r.complete,
  status: r.status,
  locale: r.locale,
  url: r.url,
  answeredAt: r.updatedAt,
});

/** The event name of each kind of state: a display shown, a display dismissed, an answer (scored or completed). */
export interface EventNames {
  answered: string;
  shown: string;
  dismissed: string;
}

/** A string names the answer event only (as before displays were recorded). */
type Names = string | Partial<EventNames>;

const nameOf = (names: EventNames, r: SurveyResponse) =>
  r.status === "shown" ? names.shown : r.status === "dismissed" ? names.dismissed : names.answered;

type Properties = ReturnType<typeof eventProperties>;
/** The tool itself, or a function returning it (for tools that load after npskit). */
type Ref<T> = T | (() => T | undefined);

// A missing tool throws, so the state stays queued until the tool has loaded.
const resolve = <T>(ref: Ref<T>): T => {
  const tool = typeof ref === "function" ? (ref as () => T | undefined)() : ref;
  if (!tool) throw new Error("analytics tool not loaded yet");
  return tool;
};

type Track = (event: string, properties: Properties) => unknown;

/** An adapter that calls `tool[method](event, properties)` for each state, the event named by its status. */
const eventAdapter = <M extends string>(
  name: string,
  tool: Ref<Record<M, Track>>,
  method: M,
  defaults: EventNames,
  names: Names = {},
): Adapter => {
  const events = { ...defaults, ...(typeof names === "string" ? { answered: names } : names) };
  return { name, send: (r) => void resolve(tool)[method](nameOf(events, r), eventProperties(r)) };
};

/** Forward with a `track(event, properties)` call; events named "Object Action" in title case. */
export const segmentAdapter = (
  analytics: Ref<{ track(event: string, properties: Properties): unknown }>,
  events?: Names,
): Adapter =>
  eventAdapter(
    "segment",
    analytics,
    "track",
    { answered: "NPS Survey Answered", shown: "NPS Survey Shown", dismissed: "NPS Survey Dismissed" },
    events,
  );

/** Forward with a `capture(event, properties)` call; events named in lowercase words like the tool's own survey events. */
export const posthogAdapter = (
  posthog: Ref<{ capture(event: string, properties: Properties): unknown }>,
  events?: Names,
): Adapter =>
  eventAdapter(
    "posthog",
    posthog,
    "capture",
    { answered: "survey response", shown: "survey shown", dismissed: "survey dismissed" },
    events,
  );
