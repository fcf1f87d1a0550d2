import type { SurveyResponse } from "@npskit/core";

/**
 * The latest state of each response: the SDK sends the score first and the comment later under
 * the same `id`, and delivery is at-least-once, so one answer may arrive several times.
 * Ties keep the first one seen, like a backend that ignores an update that is not newer.
 */
export function latestById<T extends Pick<SurveyResponse, "id" | "updatedAt">>(responses: readonly T[]): T[] {
  const latest = new Map<string, { r: T; at: number }>();
  for (const r of responses) {
    const at = Date.parse(r.updatedAt);
    const seen = latest.get(r.id);
    if (!seen || at > seen.at) latest.set(r.id, { r, at });
  }
  return [...latest.values()].map(({ r }) => r);
}
