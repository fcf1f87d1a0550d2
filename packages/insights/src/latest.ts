import type { SurveyResponse } from "@npskit/core";

/**
 * The latest state of each response: the SDK sends the score first and the comment later under
 * the same `id`, and delivery is at-least-once, so one answer may arrive several times.
 * Ties keep the first one seen, like a backend that ignores an update that is not newer.
 */
export function latestById<T extends Pick<SurveyResponse, "id" | "updatedAt">>(responses: readonly T[]): T[] {
  return latestBy(
    responses,
    (r) => r.id,
    (r) => Date.parse(r.updatedAt),
  );
}

/** The latest item of each key by `timeOf`, in first-seen key order; ties keep the first one seen. */
export function latestBy<T>(items: Iterable<T>, keyOf: (item: T) => string, timeOf: (item: T) => number): T[] {
  const latest = new Map<string, { item: T; at: number }>();
  for (const item of items) {
    const at = timeOf(item);
    const seen = latest.get(keyOf(item));
    if (!seen || at > seen.at) latest.set(keyOf(item), { item, at });
  }
  return [...latest.values()].map(({ item }) => item);
}
