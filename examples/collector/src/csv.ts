// CSV export (RFC 4180) that is safe to open in a spreadsheet.
import type { SurveyResponse } from "@npskit/core";
import { commonAttributeKeys } from "./attribute-keys.js";

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
  "id", "surveyId", "kind", "score", "category", "status", "complete", "comment",
  "userId", "anonymousId", "url", "locale", "createdAt", "updatedAt",
] as const satisfies readonly (keyof SurveyResponse)[];

const snakeCase = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Every response as CSV, one column per common attribute key (`attr.plan`, …; see
 * commonAttributeKeys), CRLF line ends, and a UTF-8 byte-order mark so spreadsheet apps read
 * "très" and "很好" as written.
 */
export function toCsv(responses: readonly SurveyResponse[]): string {
  const attributeKeys = commonAttributeKeys(responses);
  const header = [...FIXED.map(snakeCase), ...attributeKeys.map((k) => `attr.${k}`)];
  const rows = responses.map((r): Cell[] => [...FIXED.map((field) => r[field]), ...attributeKeys.map((k) => r.attributes?.[k])]);
  return "\uFEFF" + [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
