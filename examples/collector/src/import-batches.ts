// The reading half of `import FILE`: a file's records (NDJSON, or a CSV as /api/export.csv writes
// it, csv-import.ts) checked by POST /collect's validation and grouped into batches ready for the
// database, each encoded as the one parameter a statement reads (jsonbArray). It runs in a worker
// thread (import-worker.ts) so the database, on the main thread, never waits for parsing.
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { SurveyResponse } from "@npskit/core";
import { csvFileRecords, isCsvFile } from "./csv-import.js";
import { jsonbArray } from "./jsonb-array.js";
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
  /** The responses, distinct ids, in file order, as the database reads them (jsonbArray). */
  answers: Uint8Array<ArrayBuffer>;
  /** The ids of `answers`, in order (one per response). */
  ids: string[];
  /**
   * Those of `ids` an earlier batch also had (every one of them once the file has had more ids
   * than importBatches remembers): the only ones an import into an empty store may find stored.
   */
  repeated: string[];
  /** The last line read for this batch. */
  lines: number;
  /** The records rejected since the previous batch. */
  rejected: Rejected[];
  /**
   * The attribute keys of the responses, per survey, that no earlier batch had, as
   * [surveyId, key] pairs; null from the batch where the file has more than importBatches lists.
   */
  attributeKeys: [string, string][] | null;
}

/** Ids the reader remembers at most (50 to 150 MB a million, by their length), to tell which ones repeat. */
export const MAX_REMEMBERED_IDS = 2_000_000;

/** Attribute keys (pairs of survey and key, in a file) the reader lists at most; past them, they are read from the stored answers. */
export const MAX_LISTED_KEYS = 10_000;

/**
 * Characters of JSON a batch holds at most, whatever its size in responses: 4,000 answers at their
 * wire bounds (≈ 125 KB each) could pass the 1 GB a value may have (the parameter, or the `jsonb[]`
 * the database builds from it).
 */
export const MAX_BATCH_CHARS = 16_000_000;

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
 * For each batch's ids in turn, those an earlier batch had; past `limit` remembered ids, all of
 * them (any may have been seen).
 */
function repeatedIds(limit: number): (batchIds: string[]) => string[] {
  let remembered: Set<string> | null = new Set();
  return (batchIds) => {
    if (!remembered) return batchIds;
    const earlier = remembered;
    const repeated = batchIds.filter((id) => earlier.has(id));
    for (const id of batchIds) earlier.add(id);
    if (earlier.size > limit) remembered = null;
    return repeated;
  };
}

/**
 * The attribute keys of the responses `add`ed, per survey, that `take` has not returned before;
 * null for good once there are more than `limit`.
 */
function newAttributeKeys(limit: number) {
  const listed = new Map<string, Set<string>>();
  let count = 0;
  let added: [string, string][] | null = [];
  return {
    add({ surveyId, attributes = {} }: SurveyResponse) {
      if (!added) return;
      for (const key of Object.keys(attributes)) {
        let keys = listed.get(surveyId);
        if (!keys) listed.set(surveyId, (keys = new Set()));
        if (keys.has(key)) continue;
        keys.add(key);
        added.push([surveyId, key]);
        if (++count > limit) {
          added = null;
          listed.clear();
          return;
        }
      }
    },
    take() {
      const taken = added;
      if (added) added = [];
      return taken;
    },
  };
}

/**
 * The responses of `file` in batches of at most `batchSize`, in file order. A statement writes a
 * row once, so a later state of an id already in the batch starts the next one. The last batch
 * may be empty (it carries the last lines and rejections).
 */
export async function* importBatches(
  file: string,
  batchSize: number,
  { rememberedIds = MAX_REMEMBERED_IDS, listedKeys = MAX_LISTED_KEYS, batchChars = MAX_BATCH_CHARS } = {},
): AsyncGenerator<ImportBatch> {
  let batch: string[] = [];
  let chars = 0;
  let rejected: Rejected[] = [];
  let lines = 0;
  const ids = new Set<string>();
  const repeatedOf = repeatedIds(rememberedIds);
  const keys = newAttributeKeys(listedKeys);
  const take = (): ImportBatch => {
    const batchIds = [...ids];
    const done = {
      answers: jsonbArray(batch),
      ids: batchIds,
      repeated: repeatedOf(batchIds),
      lines,
      rejected,
      attributeKeys: keys.take(),
    };
    batch = [];
    chars = 0;
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
    const json = JSON.stringify(response);
    if (chars + json.length > batchChars && batch.length > 0) yield take();
    batch.push(json);
    chars += json.length;
    ids.add(response.id);
    keys.add(record.response);
    if (batch.length >= batchSize) yield take();
  }
  yield take();
}
