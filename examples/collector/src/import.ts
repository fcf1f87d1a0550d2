// `node dist/main.js import FILE`: loads history, one wire-format response per line (NDJSON, what
// /api/export.ndjson writes; or a CSV as /api/export.csv writes it, read by csv-import.ts), with
// POST /collect's validation and upsert rules, in batched
// transactions. Bad lines are reported by number and never stop the good ones; re-running the
// same file changes nothing (every state is already stored: all "ignored").
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { SurveyResponse } from "@npskit/core";
import { csvFileRecords, isCsvFile } from "./csv-import.js";
import type { Db } from "./db.js";
import { refreshLatest } from "./migrations.js";
import { saveResponses, type SaveResult } from "./store.js";
import { parseResponse, type Problem } from "./validate.js";

/** Responses written per statement (one transaction). */
export const IMPORT_BATCH = 1000;

export interface ImportCounts extends Record<SaveResult, number> {
  /** Lines read, blank ones included. */
  lines: number;
  rejected: { line: number; problems: Problem[] }[];
}

export interface ImportOptions {
  batchSize?: number;
  /** Called after each batch is stored. */
  onProgress?: (counts: ImportCounts) => void;
}

/**
 * What a file holds from `line` to `lastLine`: a response, why the record there is not one
 * (`problems`), or neither (a blank line, a header).
 */
export interface ImportRecord {
  line: number;
  lastLine: number;
  response?: SurveyResponse;
  problems?: Problem[];
}

/** The lines of an NDJSON file, one wire-format response each. */
async function* ndjsonRecords(file: string): AsyncGenerator<ImportRecord> {
  let line = 0;
  for await (const text of createInterface({
    input: createReadStream(file, { encoding: "utf8" }),
    crlfDelay: Infinity,
  })) {
    line++;
    // A byte-order mark on the first line is an editor's, not the data's.
    const body = (line === 1 ? text.replace(/^\uFEFF/, "") : text).trim();
    if (!body) {
      yield { line, lastLine: line };
      continue;
    }
    const parsed = parseResponse(body);
    yield { line, lastLine: line, ...(parsed.ok ? { response: parsed.response } : { problems: parsed.problems }) };
  }
}

/**
 * Imports `file` into `db`: NDJSON, or a CSV as /api/export.csv writes it (isCsvFile, csv-import.ts);
 * resolves with what happened to each record.
 */
export async function importFile(db: Db, file: string, options: ImportOptions = {}): Promise<ImportCounts> {
  const { batchSize = IMPORT_BATCH, onProgress } = options;
  const counts: ImportCounts = { lines: 0, created: 0, updated: 0, ignored: 0, rejected: [] };
  let batch: SurveyResponse[] = [];
  const ids = new Set<string>();
  const flush = async () => {
    for (const result of await saveResponses(db, batch, new Date(), { deferLatest: true })) counts[result]++;
    batch = [];
    ids.clear();
    onProgress?.(counts);
  };
  const records = (await isCsvFile(file)) ? csvFileRecords(file) : ndjsonRecords(file);
  for await (const record of records) {
    counts.lines = record.lastLine;
    if (record.problems) {
      counts.rejected.push({ line: record.line, problems: record.problems });
      continue;
    }
    if (!record.response) continue;
    // A statement writes a row once: a later state of an id in this batch goes in the next one, in file order.
    // The identity hash is never stored, as with POST /collect.
    const { userHash: _, ...response } = record.response;
    if (ids.has(response.id)) await flush();
    batch.push(response);
    ids.add(response.id);
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  // Each respondent's latest answer once, from all it now has (an interrupted import leaves them
  // pending: the next start or import refreshes them).
  await refreshLatest(db);
  // Fresh statistics, so the report's queries are planned for the new size of the tables.
  if (counts.created > 0) await db.query("ANALYZE");
  return counts;
}

/** The final report: counts, then each rejected line (at most `shown`) with its reasons. */
export function importSummary(counts: ImportCounts, shown = 100): string {
  const { created, updated, ignored, rejected } = counts;
  const lines = [
    `[npskit] import done: ${counts.lines} lines · created ${created} · updated ${updated} · ignored ${ignored} · rejected ${rejected.length}`,
  ];
  for (const { line, problems } of rejected.slice(0, shown)) {
    lines.push(`  line ${line}: ${problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join("; ")}`);
  }
  if (rejected.length > shown) lines.push(`  … and ${rejected.length - shown} more rejected lines`);
  return lines.join("\n");
}
