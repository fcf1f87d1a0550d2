// The wire format (CONTRACT §4): what the SDK sends and what any backend receives.
import * as z from "zod/mini";
import { CATEGORIES, KINDS, SCALES, categoryOf, isValidScore } from "./kinds.js";
import {
  ANSWER_TIME_WINDOW,
  MAX_ATTRIBUTE_NAME,
  MAX_ATTRIBUTE_TEXT,
  MAX_ATTRIBUTES,
  MAX_URL,
  MAX_USER_ID,
} from "./wire-limits.js";

/** A device clock outside the window is wrong (and a far-future stamp must not outrank real answers). */
const isoDate = z.iso.datetime({ offset: true }).check(
  z.refine((at) => {
    const t = Date.parse(at);
    return Number.isNaN(t) || (t >= ANSWER_TIME_WINDOW.from && t < ANSWER_TIME_WINDOW.to); // not a date: the format check says so
  }, "must be between 2000-01-01 and 2099-12-31"),
);

const attributeValue = z.union([
  z.string().check(z.maxLength(MAX_ATTRIBUTE_TEXT, `at most ${MAX_ATTRIBUTE_TEXT} characters`)),
  z.number(),
  z.boolean(),
  z.null(),
]);
const attributes = z.record(z.string(), attributeValue).check(
  z.superRefine((attributes, ctx) => {
    const keys = Object.keys(attributes);
    if (keys.length > MAX_ATTRIBUTES)
      ctx.addIssue({ code: "custom", input: attributes, message: `at most ${MAX_ATTRIBUTES} attributes per answer` });
    for (const key of keys) {
      if (!key || key.length > MAX_ATTRIBUTE_NAME) {
        ctx.addIssue({
          code: "custom",
          path: [key],
          input: key,
          message: `attribute names are 1 to ${MAX_ATTRIBUTE_NAME} characters`,
        });
      }
    }
  }),
);

/**
 * Where one survey display stands: shown → dismissed (closed before a score), or shown → answered
 * (score picked) → completed (follow-up sent or skipped). Sent only when impressions are recorded.
 */
export const STATUSES = ["shown", "dismissed", "answered", "completed"] as const;
export type ResponseStatus = (typeof STATUSES)[number];
const UNANSWERED: readonly (ResponseStatus | undefined)[] = ["shown", "dismissed"];

export const responseSchema = z
  .object({
    id: z.string().check(z.minLength(8), z.maxLength(64)),
    surveyId: z.string().check(z.minLength(1), z.maxLength(100)),
    kind: z.enum(KINDS),
    /** `null` until a score is picked (a display not answered yet, or dismissed). */
    score: z.nullable(z.number().check(z.int(), z.gte(0), z.lte(10))),
    category: z.nullable(z.enum(CATEGORIES)),
    status: z.optional(z.enum(STATUSES)),
    comment: z.optional(z.string().check(z.maxLength(5000))),
    complete: z.boolean(),
    userId: z.optional(z.nullable(z.string().check(z.maxLength(MAX_USER_ID)))),
    /**
     * HMAC-SHA256(secret, userId) in hex, from the host's server: proves the userId (never stored).
     * Any text: whether it matches is the backend's check, so a malformed one is never a 400.
     */
    userHash: z.optional(z.string()),
    anonymousId: z.string().check(z.minLength(1), z.maxLength(100)),
    attributes: z.optional(attributes),
    url: z.optional(z.string().check(z.maxLength(MAX_URL))),
    locale: z.optional(z.string().check(z.maxLength(35))),
    createdAt: isoDate,
    updatedAt: isoDate,
    sdk: z.object({ name: z.string(), version: z.string() }),
  })
  .check(
    // The score must fit its kind's scale and the category must be the one the score implies, so a
    // backend never stores "csat 9" or "nps 3 promoter".
    z.superRefine((r, ctx) => {
      if (r.score === null) {
        if (!UNANSWERED.includes(r.status)) {
          ctx.addIssue({
            code: "custom",
            path: ["status"],
            input: r.status,
            message: `status must be "shown" or "dismissed" when score is null, got ${JSON.stringify(r.status)}`,
          });
        } else if (r.category !== null) {
          ctx.addIssue({
            code: "custom",
            path: ["category"],
            input: r.category,
            message: `category must be null when score is null, got "${r.category}"`,
          });
        }
      } else if (UNANSWERED.includes(r.status)) {
        ctx.addIssue({
          code: "custom",
          path: ["status"],
          input: r.status,
          message: `status must be "answered" or "completed" when there is a score, got "${r.status}"`,
        });
      } else if (!isValidScore(r.kind, r.score)) {
        const [min, max] = SCALES[r.kind];
        ctx.addIssue({
          code: "custom",
          path: ["score"],
          input: r.score,
          message: `score must be between ${min} and ${max} for kind "${r.kind}", got ${r.score}`,
        });
      } else if (categoryOf(r.kind, r.score) !== r.category) {
        ctx.addIssue({
          code: "custom",
          path: ["category"],
          input: r.category,
          message: `category must be "${categoryOf(r.kind, r.score)}" for ${r.kind} score ${r.score}, got "${r.category}"`,
        });
      }
    }),
  );

export type SurveyResponse = z.infer<typeof responseSchema>;
