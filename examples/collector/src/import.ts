// `node dist/main.js import FILE`: loads history, one wire-format response per line (NDJSON, what
// /api/export.ndjson writes), with POST /collect's validation and upsert rules, in batched
// transactions. Bad lines are reported by number and never stop the good ones; re-running the
// same file changes nothing (every state is already stored: all "ignored").
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { SurveyResponse } from "@npskit/core";
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

/** Imports the NDJSON `file` into `db`; resolves with what happened to each line. */
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
  const lines = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
  for await (const line of lines) {
    counts.lines++;
    // A byte-order mark on the first line is an editor's, not the data's.
    const text = (counts.lines === 1 ? line.replace(/^\uFEFF/, "") : line).trim();
    if (!text) continue;
    const parsed = parseResponse(text);
    if (!parsed.ok) {
      counts.rejected.push({ line: counts.lines, problems: parsed.problems });
      continue;
    }
    // A statement writes a row once: a later state of an id in this batch goes in the next one, in file order.
    // The identity hash is never stored, as with POST /collect.
    const { userHash: _, ...response } = parsed.response;
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
