// `node dist/main.js import FILE.csv`: reads a CSV in /api/export.csv's own format (csv.ts) for
// importFile (import.ts), which stores it as it does NDJSON: each record becomes a wire-format
// response, checked by POST /collect's validation and stored by its upsert, in batches; bad
// records are reported by the line they start on (a quoted comment may span lines) and never stop
// the others. The file is read as a stream, a record at a time.
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import type { SurveyResponse } from "@npskit/core";
import { ATTRIBUTE_COLUMN, CSV_FIELDS, isGuarded, snakeCase, unguarded } from "./csv.js";
import type { ImportRecord } from "./import-batches.js";
import { parseResponse, type Problem } from "./validate.js";

/**
 * `sdk` of a response imported from CSV, which does not say which SDK sent it: this names the
 * source instead (`version` is the CSV format's, the columns of csv.ts).
 */
export const CSV_IMPORT_SDK = { name: "csv-import", version: "1" } as const;

/** One CSV record: the lines it spans (from 1, the header's) and its fields, or why it is malformed. */
export interface CsvRecord {
  line: number;
  lastLine: number;
  fields: string[];
  problem?: string;
}

/**
 * A record longer than this (in characters) is malformed, most likely by a quote never closed: it
 * is reported, and reading resumes on its next line. The longest a valid response can be is far
 * below (a comment is at most 5,000 characters, an attribute value 500).
 */
export const MAX_RECORD = 1_000_000;

const QUOTE = 34;
const CR = 13;
const FIELD_END = /[,\n]/g;

interface Read {
  fields: string[];
  /** Where the next record starts. */
  end: number;
  /** Line breaks inside quoted fields. */
  inner: number;
  problem?: string;
}

const count = (text: string, char: string) => {
  let n = 0;
  for (let at = text.indexOf(char); at !== -1; at = text.indexOf(char, at + 1)) n++;
  return n;
};

/**
 * The record of `text` starting at `start` (RFC 4180: `,` between fields, CRLF or LF after the
 * record, `"` around a field with `""` for a quote inside), or null when `text` may end inside it
 * and more is to come (`eof` false). At `eof` a quote never closed makes a malformed record of
 * the rest of its first line.
 */
function readRecord(text: string, start: number, eof: boolean): Read | null {
  const fields: string[] = [];
  let at = start;
  let inner = 0;
  let problem: string | undefined;
  for (;;) {
    let value = "";
    const quoted = text.charCodeAt(at) === QUOTE;
    if (quoted) {
      let from = at + 1;
      for (;;) {
        const close = text.indexOf('"', from);
        // A quote as the last character so far may be the first of `""`: wait for the next one.
        if (close === -1 || (close === text.length - 1 && !eof)) {
          if (!eof) return null;
          const lineEnd = text.indexOf("\n", start);
          return {
            fields,
            end: lineEnd === -1 ? text.length : lineEnd + 1,
            inner: 0,
            problem: "a quote is never closed",
          };
        }
        value += text.slice(from, close);
        if (text.charCodeAt(close + 1) !== QUOTE) {
          at = close + 1;
          break;
        }
        value += '"';
        from = close + 2;
      }
      inner += count(value, "\n");
    }
    // The field (unquoted), or what follows its closing quote, up to the next separator or line end.
    FIELD_END.lastIndex = at;
    const next = FIELD_END.exec(text);
    if (!next && !eof) return null;
    const stop = next ? next.index : text.length;
    // A CR before the LF ends the line, not the field.
    const rest = text.slice(at, next?.[0] === "\n" && text.charCodeAt(stop - 1) === CR ? stop - 1 : stop);
    if (quoted && rest) problem ??= `text after the closing quote of field ${fields.length + 1}`;
    fields.push(value + rest);
    if (next?.[0] === ",") {
      at = stop + 1;
      continue;
    }
    return { fields, end: next ? stop + 1 : stop, inner, ...(problem ? { problem } : {}) };
  }
}

/**
 * The records of a CSV read chunk by chunk (a byte-order mark first is left out), holding no more
 * than a chunk and the record being read.
 */
export async function* csvRecords(chunks: AsyncIterable<string>): AsyncGenerator<CsvRecord> {
  const source = chunks[Symbol.asyncIterator]();
  let text = "";
  let at = 0;
  let line = 1;
  let eof = false;
  let started = false;
  const more = async () => {
    const next = await source.next();
    if (next.done) {
      eof = true;
      return;
    }
    text = text.slice(at) + (started ? next.value : next.value.replace(/^\uFEFF/, ""));
    at = 0;
    started = true;
  };
  for (;;) {
    if (eof && at >= text.length) return;
    const read = at < text.length ? readRecord(text, at, eof) : null;
    if (read) {
      yield {
        line,
        lastLine: line + read.inner,
        fields: read.fields,
        ...(read.problem ? { problem: read.problem } : {}),
      };
      line += read.inner + 1;
      at = read.end;
    } else if (text.length - at > MAX_RECORD) {
      yield {
        line,
        lastLine: line,
        fields: [],
        problem: `longer than ${MAX_RECORD} characters (a quote never closed?)`,
      };
      // Resume after the end of its first line, however far that is.
      let lf = text.indexOf("\n", at);
      while (lf === -1 && !eof) {
        text = "";
        at = 0;
        await more();
        lf = text.indexOf("\n");
      }
      if (lf === -1) return;
      at = lf + 1;
      line++;
    } else {
      await more();
    }
  }
}

type Field = (typeof CSV_FIELDS)[number];

interface Columns {
  /** Where each exported response field is. */
  fields: Record<Field, number>;
  /** Each attribute column's key and place. */
  attributes: [key: string, at: number][];
  width: number;
}

/** The columns the export's header line names (in any order); throws saying why another line is not one. */
function columnsOf(header: CsvRecord): Columns {
  const notHeader = (why: string) => new Error(`line ${header.line} is not the header of /api/export.csv: ${why}`);
  if (header.problem) throw notHeader(header.problem);
  const names = new Map<string, number>();
  for (const [at, name] of header.fields.entries()) {
    if (names.has(name)) throw notHeader(`column "${name}" twice`);
    names.set(name, at);
  }
  const fixed = CSV_FIELDS.map(snakeCase);
  const missing = fixed.filter((name) => !names.has(name));
  if (missing.length > 0) throw notHeader(`no column ${missing.map((name) => `"${name}"`).join(", ")}`);
  const other = header.fields.filter((name) => !fixed.includes(name) && !name.startsWith(ATTRIBUTE_COLUMN));
  if (other.length > 0) throw notHeader(`unknown column ${other.map((name) => `"${name}"`).join(", ")}`);
  const fields = Object.fromEntries(CSV_FIELDS.map((field) => [field, names.get(snakeCase(field))]));
  return {
    fields: fields as Record<Field, number>,
    attributes: header.fields.flatMap((name, at): [string, number][] =>
      name.startsWith(ATTRIBUTE_COLUMN) ? [[name.slice(ATTRIBUTE_COLUMN.length), at]] : [],
    ),
    width: header.fields.length,
  };
}

/** A number as csvCell writes one (`String(n)`), else undefined. */
function numberOf(field: string): number | undefined {
  const n = Number(field);
  return Number.isFinite(n) && String(n) === field ? n : undefined;
}

/** A field as the scalar csvCell wrote: guarded text, `true`/`false`, a number, else text. */
function scalarOf(field: string): unknown {
  if (isGuarded(field)) return unguarded(field);
  if (field === "true" || field === "false") return field === "true";
  return numberOf(field) ?? field;
}

/**
 * The wire-format body of a record, for POST /collect's validation. An empty field is what the
 * export writes for null, absent and "" alike: `score`, `category` and `user_id` become null (as
 * the SDK sends them), an empty `status`, `comment`, `url`, `locale` or attribute is left out.
 */
function bodyOf(fields: readonly string[], columns: Columns): Record<string, unknown> {
  const cell = (field: Field) => fields[columns.fields[field]] ?? "";
  const text = (field: Field) => unguarded(cell(field));
  const nullable = (field: Field, value: (field: string) => unknown) =>
    cell(field) === "" ? null : value(cell(field));
  const optional = (field: Field) => (cell(field) === "" ? {} : { [field]: text(field) });
  const attributes = columns.attributes.flatMap(([key, at]) => (fields[at] ? [[key, scalarOf(fields[at])]] : []));
  return {
    id: text("id"),
    surveyId: text("surveyId"),
    kind: text("kind"),
    score: nullable("score", scalarOf),
    category: nullable("category", unguarded),
    ...optional("status"),
    complete: scalarOf(cell("complete")),
    ...optional("comment"),
    userId: nullable("userId", unguarded),
    anonymousId: text("anonymousId"),
    ...optional("url"),
    ...optional("locale"),
    createdAt: text("createdAt"),
    updatedAt: text("updatedAt"),
    ...(attributes.length > 0 ? { attributes: Object.fromEntries(attributes) } : {}),
    sdk: CSV_IMPORT_SDK,
  };
}

/** A problem's path named as the CSV's column (`survey_id`, `attr.plan`). */
const inColumns = ({ path, message }: Problem): Problem => ({
  path: path.startsWith("attributes.") ? ATTRIBUTE_COLUMN + path.slice("attributes.".length) : snakeCase(path),
  message,
});

/** The response a record holds, or what is wrong with it (paths named as columns). */
function responseOf(record: CsvRecord, columns: Columns): { response: SurveyResponse } | { problems: Problem[] } {
  if (record.problem) return { problems: [{ path: "", message: record.problem }] };
  if (record.fields.length !== columns.width)
    return { problems: [{ path: "", message: `${record.fields.length} fields, the header has ${columns.width}` }] };
  const parsed = parseResponse(JSON.stringify(bodyOf(record.fields, columns)));
  return parsed.ok ? { response: parsed.response } : { problems: parsed.problems.map(inColumns) };
}

const HEADER_START = `${CSV_FIELDS.slice(0, 3).map(snakeCase).join(",")},`;

/** Whether `file` is a CSV to import: named `*.csv`, or starting with the export's header (`id,survey_id,kind,…`). */
export async function isCsvFile(file: string): Promise<boolean> {
  if (/\.csv$/i.test(file)) return true;
  const handle = await open(file);
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(64), 0, 64, 0);
    return buffer
      .toString("utf8", 0, bytesRead)
      .replace(/^\uFEFF/, "")
      .startsWith(HEADER_START);
  } finally {
    await handle.close();
  }
}

/**
 * The records of the CSV `file` (/api/export.csv's format) for importFile: each a response or
 * its problems, by the lines it spans; the header and blank lines carry neither.
 */
export async function* csvFileRecords(file: string): AsyncGenerator<ImportRecord> {
  let columns: Columns | undefined;
  for await (const record of csvRecords(createReadStream(file, { encoding: "utf8" }))) {
    const lines = { line: record.line, lastLine: record.lastLine };
    const blank = record.fields.length === 1 && record.fields[0] === "" && !record.problem;
    if (!columns) {
      columns = columnsOf(record);
      yield lines;
    } else if (blank) yield lines;
    else yield { ...lines, ...responseOf(record, columns) };
  }
}
