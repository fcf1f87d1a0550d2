// Vocabulary of the config shared by the zod schema and the zod-free runtime (targeting, the
// production guard), so the browser loader can use it without pulling zod.

export const DEVICES = ["desktop", "mobile", "tablet"] as const;
export type DeviceClass = (typeof DEVICES)[number];

export const THEME_MODES = ["auto", "light", "dark"] as const;
export const POSITIONS = ["bottom-right", "bottom-left", "center"] as const;

export const ATTRIBUTE_OPS = [
  "eq",
  "neq",
  "in",
  "notIn",
  "gt",
  "gte",
  "lt",
  "lte",
  "exists",
  "contains",
  "olderThanDays",
  "newerThanDays",
] as const;
export type AttributeOp = (typeof ATTRIBUTE_OPS)[number];

/** Ops whose value is a list of candidates. */
export const LIST_OPS: readonly AttributeOp[] = ["in", "notIn"];
/** Ops whose value is a number of days (the attribute is a date). */
export const DAY_OPS: readonly AttributeOp[] = ["olderThanDays", "newerThanDays"];
/** Ops comparing order: numbers, or dates given as ISO strings / epoch ms. */
export const ORDER_OPS: readonly AttributeOp[] = ["gt", "gte", "lt", "lte"];

// Patterns carry no regex flags: JSON Schema cannot express them.
export const SURVEY_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
export const HEX_COLOR_PATTERN = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
export const LOCALE_PATTERN = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/;
/** A date ("2026-10-01") or a date-time with optional seconds and zone ("2026-10-01T08:00Z"). */
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;
