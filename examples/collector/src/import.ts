// `node dist/main.js import FILE`: loads history, one wire-format response per line (NDJSON, what
// /api/export.ndjson writes; or a CSV as /api/export.csv writes it), with POST /collect's
// validation and upsert rules, a batch per statement. Bad lines are reported by number and never
// stop the good ones; re-running the same file changes nothing (every state is already stored:
// all "ignored"). A worker thread reads and checks the file (import-batches.ts) while this thread
// stores it: into an empty store as one bulk load (bulk-load.ts), otherwise batch by batch.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { bulkLoad, type Loaded } from "./bulk-load.js";
import type { Db, Queryable } from "./db.js";
import { type ImportBatch, importBatches, type Rejected } from "./import-batches.js";
import type { ImportWorkerData } from "./import-worker.js";
import { refreshLatest } from "./migrations.js";
import { type SaveEncodedOptions, type SaveResult, saveEncodedResponses } from "./store.js";

/**
 * Responses written per statement: each statement has a fixed cost (1,000 a statement took 10%
 * longer to import a million answers).
 */
export const IMPORT_BATCH = 4000;

/** The reader's worker, where this module runs built (not from its TypeScript source, as in tests). */
const WORKER = new URL("./import-worker.js", import.meta.url);

export interface ImportCounts extends Record<SaveResult, number> {
  /** Lines read, blank ones included. */
  lines: number;
  rejected: Rejected[];
}

export interface ImportOptions {
  batchSize?: number;
  /** Called after each batch is stored. */
  onProgress?: (counts: ImportCounts) => void;
  /** Called when the file is stored and what is kept from it (counts, latest answers, indexes) is being built. */
  onBuilding?: (counts: ImportCounts) => void;
  /** Read the file in a worker thread (default: when built, see WORKER). */
  inWorker?: boolean;
}

/** importBatches of `file`, read by a worker thread a few batches ahead of the caller. */
async function* workerBatches(file: string, batchSize: number): AsyncGenerator<ImportBatch> {
  const workerData: ImportWorkerData = { file, batchSize, ahead: 4 };
  const worker = new Worker(WORKER, { workerData });
  const arrived: (ImportBatch | null)[] = [];
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const arrive = () => {
    wake?.();
    wake = undefined;
  };
  worker.on("message", (batch: ImportBatch | null) => {
    arrived.push(batch);
    arrive();
  });
  worker.on("error", (error) => {
    failure = error;
    arrive();
  });
  worker.on("exit", (code) => {
    failure ??= new Error(`the import's reader stopped (exit code ${code})`);
    arrive();
  });
  try {
    for (;;) {
      while (arrived.length === 0 && !failure) await new Promise<void>((resolve) => (wake = resolve));
      const batch = arrived.shift();
      if (batch === undefined) throw failure;
      if (batch === null) return;
      worker.postMessage("taken");
      yield batch;
    }
  } finally {
    await worker.terminate();
  }
}

/**
 * Imports `file` into `db`: NDJSON, or a CSV as /api/export.csv writes it (isCsvFile, csv-import.ts);
 * resolves with what happened to each record.
 */
export async function importFile(db: Db, file: string, options: ImportOptions = {}): Promise<ImportCounts> {
  const { batchSize = IMPORT_BATCH, onProgress, onBuilding, inWorker = existsSync(fileURLToPath(WORKER)) } = options;
  const counts: ImportCounts = { lines: 0, created: 0, updated: 0, ignored: 0, rejected: [] };
  const batches = inWorker ? workerBatches(file, batchSize) : importBatches(file, batchSize);
  const store = async (target: Queryable, inBulkLoad: boolean): Promise<Loaded> => {
    // Listed by the reader, so a bulk load need not read them from every stored answer.
    let attributeKeys: [string, string][] | null = [];
    for await (const batch of batches) {
      if (batch.ids.length > 0) {
        const options: SaveEncodedOptions = inBulkLoad ? { bulkLoadIds: batch.repeated } : { deferLatest: true };
        const { created, updated } = await saveEncodedResponses(target, batch.answers, new Date(), options);
        counts.created += created;
        counts.updated += updated;
        counts.ignored += batch.ids.length - created - updated;
      }
      counts.lines = batch.lines;
      counts.rejected.push(...batch.rejected);
      if (attributeKeys && batch.attributeKeys) attributeKeys.push(...batch.attributeKeys);
      else attributeKeys = null;
      onProgress?.(counts);
    }
    onBuilding?.(counts);
    return attributeKeys ? { attributeKeys } : {};
  };
  if (!(await bulkLoad(db, (tx) => store(tx, true)))) {
    // Into a store with answers: batch by batch, each respondent's latest answer computed once
    // at the end (an interrupted import leaves them pending: the next start or import refreshes them).
    await store(db, false);
    await refreshLatest(db);
    // Fresh statistics, so the report's queries are planned for the new size of the tables (as a
    // bulk load does before it commits).
    if (counts.created > 0) await db.query("ANALYZE");
  }
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
