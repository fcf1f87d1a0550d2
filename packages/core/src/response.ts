// The wire format (CONTRACT §4): what the SDK sends and what any backend receives.
import * as z from "zod/mini";
import { CATEGORIES, KINDS } from "./kinds.js";

const isoDate = z.iso.datetime({ offset: true });

export const responseSchema = z.object({
  id: z.string().check(z.minLength(8), z.maxLength(64)),
  surveyId: z.string().check(z.minLength(1), z.maxLength(100)),
  kind: z.enum(KINDS),
  score: z.number().check(z.int(), z.gte(0), z.lte(10)),
  category: z.enum(CATEGORIES),
  comment: z.optional(z.string().check(z.maxLength(5000))),
  complete: z.boolean(),
  userId: z.optional(z.nullable(z.string().check(z.maxLength(200)))),
  anonymousId: z.string().check(z.minLength(1), z.maxLength(100)),
  attributes: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))),
  url: z.optional(z.string().check(z.maxLength(2048))),
  locale: z.optional(z.string().check(z.maxLength(35))),
  createdAt: isoDate,
  updatedAt: isoDate,
  sdk: z.object({ name: z.string(), version: z.string() }),
});

export type SurveyResponse = z.infer<typeof responseSchema>;
