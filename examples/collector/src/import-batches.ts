// The reading half of `import FILE`: a file's records (NDJSON, or a CSV as /api/export.csv writes
// it, csv-import.ts) checked by POST /collect's validation and grouped into batches ready for the
// database, each written as one JSON array. It runs in a worker thread (import-worker.ts) so the
// database, on the main thread, never waits for parsing.
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { SurveyResponse } from "@npskit/core";
import { csvFileRecords, isCsvFile } from "./csv-import.js";
import { parseResponse, type Problem } from "./validate.js";

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

export interface Rejected {
  line: number;
  problems: Problem[];
}

/** Responses for one statement, and what the file held up to them. */
export interface ImportBatch {
  /** The responses as a JSON array (the form the database reads), distinct ids, in file order. */
  json: string;
  /** The ids of `json`, in order (one per response). */
  ids: string[];
  /** The last line read for this batch. */
  lines: number;
  /** The records rejected since the previous batch. */
  rejected: Rejected[];
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

/** The records of `file`: NDJSON, or a CSV as /api/export.csv writes it (isCsvFile). */
async function importRecords(file: string): Promise<AsyncGenerator<ImportRecord>> {
  return (await isCsvFile(file)) ? csvFileRecords(file) : ndjsonRecords(file);
}

/**
 * The responses of `file` in batches of at most `batchSize`, in file order. A statement writes a
 * row once, so a later state of an id already in the batch starts the next one. The last batch
 * may be empty (it carries the last lines and rejections).
 */
export async function* importBatches(file: string, batchSize: number): AsyncGenerator<ImportBatch> {
  let batch: string[] = [];
  let rejected: Rejected[] = [];
  let lines = 0;
  const ids = new Set<string>();
  const take = (): ImportBatch => {
    const done = { json: `[${batch.join(",")}]`, ids: [...ids], lines, rejected };
    batch = [];
    rejected = [];
    ids.clear();
    return done;
  };
  for await (const record of await importRecords(file)) {
    lines = record.lastLine;
    if (record.problems) {
      rejected.push({ line: record.line, problems: record.problems });
      continue;
    }
    if (!record.response) continue;
    // The identity hash is never stored, as with POST /collect.
    const { userHash: _, ...response } = record.response;
    if (ids.has(response.id)) yield take();
    batch.push(JSON.stringify(response));
    ids.add(response.id);
    if (batch.length >= batchSize) yield take();
  }
  yield take();
}
