// Turns a request body into a wire-format response, or into the list of what is wrong with it.
// The schema is core's, the same one the SDK is written against (it also checks score vs kind).
import { responseSchema, type SurveyResponse } from "@npskit/core";

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
  if (result.success) return { ok: true, response: result.data };
  return { ok: false, problems: result.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })) };
}
