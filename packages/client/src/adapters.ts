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
  locale: r.locale,
  url: r.url,
  answeredAt: r.updatedAt,
});

type Properties = ReturnType<typeof eventProperties>;
/** The tool itself, or a function returning it (for tools that load after npskit). */
type Ref<T> = T | (() => T | undefined);

// A missing tool throws, so the state stays queued until the tool has loaded.
const resolve = <T>(ref: Ref<T>): T => {
  const tool = typeof ref == "function" ? (ref as () => T | undefined)() : ref;
  if (!tool) throw new Error("analytics tool not loaded yet");
  return tool;
};

type Track = (event: string, properties: Properties) => unknown;

/** An adapter that calls `tool[method](event, properties)` for each state. */
const eventAdapter = <M extends string>(name: string, tool: Ref<Record<M, Track>>, method: M, event: string): Adapter => ({
  name,
  send: (r) => void resolve(tool)[method](event, eventProperties(r)),
});

/** Forward with a `track(event, properties)` call. */
export const segmentAdapter = (
  analytics: Ref<{ track(event: string, properties: Properties): unknown }>,
  event = "NPS Survey Answered",
): Adapter => eventAdapter("segment", analytics, "track", event);

/** Forward with a `capture(event, properties)` call. */
export const posthogAdapter = (
  posthog: Ref<{ capture(event: string, properties: Properties): unknown }>,
  event = "survey response",
): Adapter => eventAdapter("posthog", posthog, "capture", event);
