// CSV export (RFC 4180) that is safe to open in a spreadsheet.
import type { SurveyResponse } from "@npskit/core";

type Cell = string | number | boolean | null | undefined;

/**
 * One CSV field. Text starting with `=`, `+`, `-`, `@`, tab or carriage return is prefixed with `'`
 * so a spreadsheet shows it instead of running it as a formula (comments are user input). Text
 * with a separator any spreadsheet may split on (`,` `;` tab), a quote or a line break is quoted.
 */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (typeof value !== "string") return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",;\t\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The response fields exported, in column order; each column is named after its field in snake_case. */
const FIXED = [
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

const snakeCase = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A UTF-8 byte-order mark, so spreadsheet apps read "très" and "很好" as written. */
export const CSV_BOM = "\uFEFF";

/**
 * The header line: the fixed columns, then one column per attribute key (`attr.plan`, …; the
 * common keys, see commonAttributeKeys); CRLF line ends.
 */
export function csvHeader(attributeKeys: readonly string[]): string {
  return [...FIXED.map(snakeCase), ...attributeKeys.map((k) => `attr.${k}`)].map(csvCell).join(",") + "\r\n";
}

/** One response as a CSV line under `csvHeader(attributeKeys)`. */
export function csvRow(r: SurveyResponse, attributeKeys: readonly string[]): string {
  return (
    [...FIXED.map((field) => r[field]), ...attributeKeys.map((k) => r.attributes?.[k])].map(csvCell).join(",") + "\r\n"
  );
}
