// The planner's statistics of the embedded database, which never gathers them by itself (it has no
// autovacuum; a PostgreSQL server's does this). Without them, reads that name a survey or a
// category expect a handful of rows and pick plans that read them all: at 1M answers a summary
// took 2.6–3.2 s instead of 0.2 s. So the collector gathers a table's statistics when it has none,
// or once its file has grown by a tenth since they were gathered: when it starts, and after writes.
import type { Queryable } from "./db.js";
import { STORE_TABLES } from "./migrations.js";

/** The tables reads plan on: not the queue of respondents to refresh, emptied by each import. */
const READ_TABLES = STORE_TABLES.filter((table) => table !== "latest_pending");

/**
 * READ_TABLES without statistics (unless ANALYZE found no rows: reltuples 0), or whose file has
 * grown by more than a tenth (and 8 pages) since the page count that ANALYZE (or an index build)
 * recorded. Reads pg_statistic, which only a superuser may: the embedded database's user is one.
 */
const STALE = `SELECT c.oid::regclass::text AS name FROM pg_class c
  WHERE c.oid = ANY($1::regclass[]) AND pg_relation_size(c.oid) > 0
    AND (pg_relation_size(c.oid) > (c.relpages * 1.1 + 8) * current_setting('block_size')::int
      OR (c.reltuples <> 0 AND NOT EXISTS (SELECT 1 FROM pg_statistic s WHERE s.starelid = c.oid)))
  ORDER BY 1`;

/** Gathers the statistics of the stale tables (STALE); resolves with their names. */
export async function refreshStatistics(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(STALE, [READ_TABLES]);
  for (const { name } of rows) await db.query(`ANALYZE ${name}`);
  return rows.map((row) => row.name);
}

/** refreshStatistics that logs a failure (its message only) instead of throwing it. */
export const refreshStatisticsOrLog = (db: Queryable) =>
  refreshStatistics(db).then(
    () => undefined,
    (error: unknown) => console.error(`[npskit] statistics: ${error instanceof Error ? error.message : String(error)}`),
  );

/**
 * refreshStatisticsOrLog after writes, at most once per `everyMs`: `wrote()` returns at once, and a
 * write within the period gets a check at its end. The embedded database runs on this thread, so
 * an ANALYZE holds the process while it runs (≈ 1 s for the answers at 1M, once per tenth grown).
 */
export function statisticsKeeper(db: Queryable, everyMs = 60_000) {
  let checkedAt = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let running = Promise.resolve();
  const check = () => {
    timer = undefined;
    checkedAt = performance.now();
    running = running.then(() => refreshStatisticsOrLog(db));
  };
  return {
    wrote() {
      if (stopped || timer) return;
      const wait = checkedAt + everyMs - performance.now();
      if (wait <= 0) check();
      // unref: a pending check never keeps the process alive.
      else timer = setTimeout(check, wait).unref();
    },
    /** No check after this; resolves once none runs (before the database is closed). */
    stop() {
      stopped = true;
      clearTimeout(timer);
      return running;
    },
  };
}
