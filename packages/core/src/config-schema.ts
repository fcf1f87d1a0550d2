// The config (CONTRACT §3): this zod/mini schema is the single source of truth. The JSON Schema
// (config.schema.json) is generated from it; the browser's production guard is config-guard.ts.
import * as z from "zod/mini";
import { KINDS } from "./kinds.js";
import {
  ATTRIBUTE_OPS,
  DEVICES,
  HEX_COLOR_PATTERN,
  ISO_DATE_PATTERN,
  LOCALE_PATTERN,
  POSITIONS,
  SURVEY_ID_PATTERN,
  THEME_MODES,
} from "./config-constants.js";
import type { SurveyResponse } from "./response.js";

/** `expected` is read by the validators' messages ("must be a hex color such as …"). */
const expected = (what: string) => z.meta({ expected: what });
/** Shown by editors from config.schema.json. */
const doc = z.describe;
const text = (max: number, about: string) => z.string().check(z.minLength(1), z.maxLength(max), doc(about));
const count = (min: number, max: number, about: string) => z.number().check(z.gte(min), z.lte(max), doc(about));
const days = (fallback: number, about: string) => z._default(count(0, 3650, about), fallback);
const locale = (about: string) =>
  z.string().check(z.regex(LOCALE_PATTERN), expected('a language tag such as "en" or "de-AT"'), doc(about));
const isoDate = (about: string) =>
  z
    .string()
    .check(
      z.regex(ISO_DATE_PATTERN),
      expected('an ISO date such as "2026-10-01" or "2026-10-01T08:00:00Z"'),
      doc(about),
    );
const globs = (about: string) => z.array(text(2048, "URL glob")).check(doc(about));

export const themeSchema = z.object({
  mode: z._default(z.enum(THEME_MODES).check(doc("auto follows prefers-color-scheme")), "auto"),
  accent: z.optional(
    z
      .string()
      .check(
        z.regex(HEX_COLOR_PATTERN),
        expected('a hex color such as "#4f46e5"'),
        doc("Accent color of buttons and the selected score"),
      ),
  ),
  position: z._default(z.enum(POSITIONS).check(doc("Where the survey card appears")), "bottom-right"),
  radius: z.optional(count(0, 32, "Corner radius of the card in CSS pixels")),
  font: z.optional(text(200, "CSS font-family list; a system sans-serif font when absent")),
});

export const attributeConditionSchema = z.object({
  key: text(100, "User attribute, as passed to identify()"),
  op: z
    .enum(ATTRIBUTE_OPS)
    .check(doc("in/notIn take a list; olderThanDays/newerThanDays a number of days; gt…lte a number or ISO date")),
  // Which shape each op needs (list for in/notIn, days for *ThanDays…) is checked in config-rules.
  value: z.optional(
    z
      .union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))])
      .check(expected("text, a number, true/false or a list")),
  ),
});

export const triggerSchema = z.object({
  pageview: z.optional(z.literal(true).check(doc("Show on page views"))),
  event: z.optional(text(100, "Show when track(event) is called with this name")),
  properties: z.optional(
    z
      .record(
        z.string(),
        z.union([z.string(), z.number(), z.boolean()]).check(expected("text, a number or true/false")),
      )
      .check(doc("The event's properties must equal these values")),
  ),
});

export const audienceSchema = z.object({
  sample: z._default(count(0, 1, "Share of users who may see the survey (0..1), fixed per user and survey"), 1),
  urls: z.prefault(
    z.object({
      include: z.optional(
        globs('Pages to show on; absent = every page. "*" stays within a path segment, "**" crosses segments'),
      ),
      exclude: z._default(globs("Pages never to show on; wins over include"), []),
    }),
    {},
  ),
  devices: z.optional(z.array(z.enum(DEVICES)).check(z.minLength(1), doc("Absent = every device"))),
  locales: z.optional(
    z.array(locale('"de" matches de, de-AT, de-CH…')).check(z.minLength(1), doc("Absent = every locale")),
  ),
  attributes: z._default(z.array(attributeConditionSchema).check(doc("All must hold")), []),
});

export const surveyThrottleSchema = z.object({
  afterAnswerDays: days(90, "Days before a user who answered is asked again"),
  afterDismissDays: days(14, "Days before a user who dismissed is asked again"),
  maxDisplays: z.optional(z.int().check(z.gte(1), z.lte(1000), doc("Displays without an answer before giving up"))),
});

export const surveySchema = z.object({
  id: z
    .string()
    .check(
      z.minLength(1),
      z.maxLength(100),
      z.regex(SURVEY_ID_PATTERN),
      expected('an id of letters, digits, ".", "_", ":" or "-" such as "nps-q4"'),
      doc("Unique survey id, sent with every response"),
    ),
  kind: z._default(z.enum(KINDS).check(doc("nps/enps 0–10, csat 1–5, ces 1–7")), "nps"),
  question: z.optional(text(500, "Defaults to the kind's standard question; {product} is replaced by product")),
  followUp: z.optional(
    z.object({
      promoter: z.optional(text(500, "Follow-up question after a high score")),
      passive: z.optional(text(500, "Follow-up question after a middle score")),
      detractor: z.optional(text(500, "Follow-up question after a low score")),
    }),
  ),
  thankYou: z.optional(text(500, "Shown after the answer")),
  product: z.optional(text(100, "Product name for {product}; overrides the top-level product")),
  trigger: z.prefault(triggerSchema.check(doc('{ "pageview": true } or { "event": "checkout" }')), { pageview: true }),
  delaySeconds: z._default(count(0, 3600, "Wait before showing; skipped if the user left the page"), 0),
  audience: z.prefault(audienceSchema, {}),
  throttle: z.prefault(surveyThrottleSchema, {}),
  schedule: z.optional(
    z.object({
      start: z.optional(isoDate("First day shown (UTC)")),
      end: z.optional(isoDate("Last day shown, inclusive (UTC)")),
    }),
  ),
});

/**
 * The JSON part of the config: everything a config file or `configUrl` can hold. It checks the
 * shape of each field; the rules that relate fields (unique ids, schedule order, op/value shapes,
 * endpoint-or-transport) live in config-rules.ts: use `validateConfig` for the complete check.
 */
export const configSchema = z.object({
  /** Lets a config file point editors at config.schema.json. */
  $schema: z.optional(z.string()),
  endpoint: z.optional(text(2048, "Where responses are POSTed; absolute or relative")),
  headers: z.optional(z.record(z.string(), z.string()).check(doc("Extra request headers"))),
  configUrl: z.optional(text(2048, "Remote config with this same schema, fetched and cached")),
  locale: z.optional(locale("Language of the survey; defaults to the browser's")),
  product: z.optional(text(100, "Product name for {product} in questions")),
  theme: z.prefault(themeSchema, {}),
  requireConsent: z._default(z.boolean().check(doc("Store and send nothing before consent(true)")), false),
  debug: z.optional(
    z
      .boolean()
      .check(doc("Log why each survey is or is not shown on the console (also ?npskit_debug=1 in the page URL)")),
  ),
  impressions: z._default(
    z
      .boolean()
      .check(
        doc(
          "Send a record for every survey display (status shown, then dismissed or answered); false sends answers only",
        ),
      ),
    true,
  ),
  globalThrottle: z.prefault(
    z.object({ minDaysBetweenSurveys: days(7, "Days between any two surveys for one user") }),
    {},
  ),
  surveys: z._default(z.array(surveySchema).check(z.maxLength(100)), []),
});

/**
 * Sends one response instead of the default fetch to `endpoint` (e.g. to an analytics tool).
 * Rejecting (or throwing) means "not delivered; retry later". Functions cannot live in JSON, so
 * a transport is only accepted from code: `init({ ...config, transport })`.
 */
export type Transport = (response: SurveyResponse) => Promise<unknown> | unknown;

export type NpsKitConfig = z.output<typeof configSchema> & { transport?: Transport };
export type NpsKitConfigInput = z.input<typeof configSchema> & { transport?: Transport };
export type SurveyConfig = z.output<typeof surveySchema>;
export type ThemeConfig = z.output<typeof themeSchema>;
export type AudienceConfig = z.output<typeof audienceSchema>;
export type TriggerConfig = z.output<typeof triggerSchema>;
export type AttributeCondition = z.output<typeof attributeConditionSchema>;
export type SurveyThrottle = z.output<typeof surveyThrottleSchema>;
