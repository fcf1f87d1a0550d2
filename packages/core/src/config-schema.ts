// The config (CONTRACT §3): this zod/mini schema is the single source of truth. The JSON Schema
// (config.schema.json and the compact copy the browser validator reads) is generated from it.
import * as z from "zod/mini";
import { KINDS } from "./kinds.js";
import {
  ATTRIBUTE_OPS, DEVICES, HEX_COLOR_PATTERN, ISO_DATE_PATTERN, LOCALE_PATTERN, POSITIONS,
  SURVEY_ID_PATTERN, THEME_MODES,
} from "./config-constants.js";
import type { SurveyResponse } from "./response.js";

/** `expected` is read by the validators' messages ("must be a hex color such as …"). */
const expected = (what: string) => z.meta({ expected: what });
const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const count = (min: number, max: number) => z.number().check(z.gte(min), z.lte(max));
const days = (fallback: number) => z._default(count(0, 3650), fallback);
const locale = z.string().check(z.regex(LOCALE_PATTERN), expected('a language tag such as "en" or "de-AT"'));
const isoDate = z.string().check(z.regex(ISO_DATE_PATTERN), expected('an ISO date such as "2026-10-01" or "2026-10-01T08:00:00Z"'));
const scalar = z.union([z.string(), z.number(), z.boolean()]).check(expected("text, a number or true/false"));

export const themeSchema = z.object({
  mode: z._default(z.enum(THEME_MODES), "auto"),
  accent: z.optional(z.string().check(z.regex(HEX_COLOR_PATTERN), expected('a hex color such as "#4f46e5"'))),
  position: z._default(z.enum(POSITIONS), "bottom-right"),
  /** Corner radius of the card in CSS pixels. */
  radius: z.optional(count(0, 32)),
  /** CSS font-family list; the page's font is inherited when absent. */
  font: z.optional(text(200)),
});

export const attributeConditionSchema = z.object({
  key: text(100),
  op: z.enum(ATTRIBUTE_OPS),
  // Which shape each op needs (list for in/notIn, days for *ThanDays…) is checked in config-rules.
  value: z.optional(
    z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))])
      .check(expected("text, a number, true/false or a list")),
  ),
});

export const triggerSchema = z.object({
  pageview: z.optional(z.literal(true)),
  event: z.optional(text(100)),
  /** The event's properties must equal these values. */
  properties: z.optional(z.record(z.string(), scalar)),
});

export const audienceSchema = z.object({
  /** Share of users who may see the survey, deterministic per (user, survey). */
  sample: z._default(count(0, 1), 1),
  urls: z.prefault(
    z.object({
      /** Globs on the path or full URL; absent = every page. */
      include: z.optional(z.array(text(2048))),
      exclude: z._default(z.array(text(2048)), []),
    }),
    {},
  ),
  devices: z.optional(z.array(z.enum(DEVICES)).check(z.minLength(1))),
  /** "de" matches "de", "de-AT", "de-CH"… */
  locales: z.optional(z.array(locale).check(z.minLength(1))),
  attributes: z._default(z.array(attributeConditionSchema), []),
});

export const surveyThrottleSchema = z.object({
  afterAnswerDays: days(90),
  afterDismissDays: days(14),
  maxDisplays: z.optional(z.int().check(z.gte(1), z.lte(1000))),
});

export const surveySchema = z.object({
  id: z.string().check(
    z.minLength(1), z.maxLength(100), z.regex(SURVEY_ID_PATTERN),
    expected('an id of letters, digits, ".", "_", ":" or "-" such as "nps-q4"'),
  ),
  kind: z._default(z.enum(KINDS), "nps"),
  /** Defaults to the kind's standard question; `{product}` is replaced by `product`. */
  question: z.optional(text(500)),
  followUp: z.optional(
    z.object({ promoter: z.optional(text(500)), passive: z.optional(text(500)), detractor: z.optional(text(500)) }),
  ),
  thankYou: z.optional(text(500)),
  product: z.optional(text(100)),
  trigger: z.prefault(triggerSchema, { pageview: true }),
  delaySeconds: z._default(count(0, 3600), 0),
  audience: z.prefault(audienceSchema, {}),
  throttle: z.prefault(surveyThrottleSchema, {}),
  schedule: z.optional(z.object({ start: z.optional(isoDate), end: z.optional(isoDate) })),
});

/**
 * The JSON part of the config: everything a config file or `configUrl` can hold. It checks the
 * shape of each field; the rules that relate fields (unique ids, schedule order, op/value shapes,
 * endpoint-or-transport) live in config-rules.ts so the lite validator shares them:
 * use `validateConfig` for the complete check.
 */
export const configSchema = z.object({
  endpoint: z.optional(text(2048)),
  headers: z.optional(z.record(z.string(), z.string())),
  configUrl: z.optional(text(2048)),
  locale: z.optional(locale),
  product: z.optional(text(100)),
  theme: z.prefault(themeSchema, {}),
  requireConsent: z._default(z.boolean(), false),
  globalThrottle: z.prefault(z.object({ minDaysBetweenSurveys: days(7) }), {}),
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
