// CSV export (RFC 4180) that is safe to open in a spreadsheet; csv-import.ts reads it back.
import type { SurveyResponse } from "@npskit/core";

type Cell = string | number | boolean | null | undefined;

/**
 * Text the export prefixes with `'`: what starts with `=`, `+`, `-`, `@`, tab or carriage return,
 * which a spreadsheet would run as a formula, and what starts with `'` before one of those, so an
 * import removes exactly one `'` from such text and gets back what was stored (see unguarded).
 */
const GUARDED = /^'*[=+\-@\t\r]/;

/**
 * One CSV field. Text a spreadsheet would run as a formula (comments are user input) gets the `'`
 * guard (GUARDED), so it is shown instead. Text with a separator any spreadsheet may split on
 * (`,` `;` tab), a quote, a line break or a space at either end is quoted.
 */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value !== "string") return String(value);
  const text = GUARDED.test(value) ? `'${value}` : value;
  return /[",;\t\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Whether a field carries the export's guard: then it is text, never a number. */
export const isGuarded = (field: string): boolean => field.startsWith("'") && GUARDED.test(field.slice(1));

/** The text csvCell guarded, as stored: one `'` less where the export added one, anything else as is. */
export const unguarded = (field: string): string => (isGuarded(field) ? field.slice(1) : field);

/** The response fields exported, in column order; each column is named after its field in snake_case. */
export const CSV_FIELDS = [
  "id",
  "surveyId",
  "kind",
  "score",
  "category",
  "status",
  "complete",
  "comment",
  "userId",
  "anonymousId",
  "url",
  "locale",
  "createdAt",
  "updatedAt",
] as const satisfies readonly (keyof SurveyResponse)[];

export const snakeCase = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** An attribute's column is named after its key with this prefix: `attr.plan`. */
export const ATTRIBUTE_COLUMN = "attr.";

/** A UTF-8 byte-order mark, so spreadsheet apps read "très" and "很好" as written. */
export const CSV_BOM = "\uFEFF";

/**
 * The header line: the fixed columns, then one column per attribute key (`attr.plan`, …; the
 * common keys, see commonAttributeKeys); CRLF line ends.
 */
export function csvHeader(attributeKeys: readonly string[]): string {
  return (
    [...CSV_FIELDS.map(snakeCase), ...attributeKeys.map((k) => ATTRIBUTE_COLUMN + k)].map(csvCell).join(",") + "\r\n"
  );
}

/** One response as a CSV line under `csvHeader(attributeKeys)`. */
export function csvRow(r: SurveyResponse, attributeKeys: readonly string[]): string {
  return (
    [...CSV_FIELDS.map((field) => r[field]), ...attributeKeys.map((k) => r.attributes?.[k])].map(csvCell).join(",") +
    "\r\n"
  );
}
