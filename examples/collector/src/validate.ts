// Turns a request body into a wire-format response, or into the list of what is wrong with it.
// The schema is core's, the same one the SDK is written against (it also checks score vs kind).
import { cutText, MAX_URL, responseSchema, type SurveyResponse, wireAttributes } from "@npskit/core";

export interface Problem {
  /** Where, e.g. `score` or `attributes.plan` (empty for the body itself). */
  path: string;
  message: string;
}

/** `id`: the body's `id` when it is text, valid or not, to name the response in logs. */
export type Parsed = ({ ok: true; response: SurveyResponse } | { ok: false; problems: Problem[] }) & { id?: string };

export function parseResponse(body: string): Parsed {
  let json: unknown;
  try {
    // Most bodies hold nothing `storable` changes: they skip its pass over every value.
    json = MAY_BE_UNSTORABLE.test(body)
      ? JSON.parse(body, (_key, value: unknown) => storable(value))
      : JSON.parse(body);
  } catch {
    return { ok: false, problems: [{ path: "", message: "body must be JSON (one response object)" }] };
  }
  const id =
    typeof json === "object" && json !== null && "id" in json && typeof json.id === "string" ? { id: json.id } : {};
  const result = responseSchema.safeParse(withinWireBounds(json));
  if (result.success) return { ok: true, response: result.data, ...id };
  const problems = result.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
  return { ok: false, problems: problems.filter((p) => !saysLess(p, problems)), ...id };
}

/** The schema's generic message, where a specific one names the same path (e.g. a score of 12 for CSAT). */
const GENERIC = "Invalid input";
const saysLess = (problem: Problem, all: readonly Problem[]) =>
  problem.message === GENERIC && all.some((other) => other.path === problem.path && other.message !== GENERIC);

/**
 * Attributes and the page address cut to the wire bounds by the SDK's own rules (`wireAttributes`:
 * scalars, the first 50 names of 1–64 characters, text to 500; `url` to MAX_URL): what an earlier
 * SDK sent beyond them is stored trimmed, never refused (the SDK drops a refused answer).
 */
function withinWireBounds(json: unknown): unknown {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return json;
  const { attributes, url } = json as { attributes?: unknown; url?: unknown };
  return {
    ...json,
    ...(typeof attributes === "object" && attributes !== null && !Array.isArray(attributes)
      ? { attributes: wireAttributes(attributes as Record<string, unknown>) }
      : {}),
    ...(typeof url === "string" ? { url: cutText(url, MAX_URL) } : {}),
  };
}

/** NUL and UTF-16 surrogates without their pair: valid JSON, but PostgreSQL can store neither. */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Where an UNSTORABLE character can come from in JSON text: a `\u` escape or a surrogate (never a raw NUL). */
const MAY_BE_UNSTORABLE = /\\u|[\ud800-\udfff]/;

const cleanText = (text: string): string => text.replace(UNSTORABLE, "\ufffd");

/**
 * A JSON value as it can be stored: every such character, in text and in object keys, becomes
 * U+FFFD, so the answer is kept (a 400 would lose it: the SDK drops what is refused).
 */
function storable(value: unknown): unknown {
  if (typeof value === "string") return cleanText(value);
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  if (keys.every((key) => cleanText(key) === key)) return value;
  return Object.fromEntries(keys.map((key) => [cleanText(key), (value as Record<string, unknown>)[key]]));
}
