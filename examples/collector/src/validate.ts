// Turns a request body into a wire-format response, or into the list of what is wrong with it.
import { SCALES, categoryOf, isValidScore, responseSchema, type SurveyResponse } from "@npskit/core";

export interface Problem {
  /** Where, e.g. `score` or `attributes.plan` (empty for the body itself). */
  path: string;
  message: string;
}

export type Parsed = { ok: true; response: SurveyResponse } | { ok: false; problems: Problem[] };

export function parseResponse(body: string): Parsed {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, problems: [{ path: "", message: "body must be JSON (one response object)" }] };
  }
  const result = responseSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
    return { ok: false, problems };
  }
  const problems = consistency(result.data);
  return problems.length ? { ok: false, problems } : { ok: true, response: result.data };
}

/** What the schema alone cannot say: the score fits the kind's scale and the category fits the score. */
function consistency(r: SurveyResponse): Problem[] {
  if (!isValidScore(r.kind, r.score)) {
    const [min, max] = SCALES[r.kind];
    return [{ path: "score", message: `must be an integer from ${min} to ${max} for ${r.kind}, got ${r.score}` }];
  }
  const expected = categoryOf(r.kind, r.score);
  if (r.category !== expected) return [{ path: "category", message: `must be "${expected}" for ${r.kind} score ${r.score}, got "${r.category}"` }];
  return [];
}
