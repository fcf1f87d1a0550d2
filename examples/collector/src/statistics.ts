// The planner's statistics of the embedded database, which never gathers them by itself (it has no
// autovacuum; a PostgreSQL server's does this). Without them, reads that name a survey or a
// category expect a handful of rows and pick plans that read them all: at 1M answers a summary
// took 2.6–3.2 s instead of 0.2 s. So the collector gathers a table's statistics once it has grown
// by a tenth since they were gathered (autovacuum's default), at start-up and after writes.
import type { Queryable } from "./db.js";
import { STORE_TABLES } from "./migrations.js";

/**
 * The store's tables without statistics, or grown by more than a tenth (and 8 pages) since: the
 * page count ANALYZE (or an index build) recorded against the file's size now. Reads
 * pg_statistic, which only a superuser may: the embedded database's user is one.
 */
const STALE = `SELECT c.oid::regclass::text AS name FROM pg_class c
  WHERE c.oid = ANY($1::regclass[]) AND pg_relation_size(c.oid) > 0
    AND (pg_relation_size(c.oid) > (c.relpages * 1.1 + 8) * current_setting('block_size')::int
      OR NOT EXISTS (SELECT 1 FROM pg_statistic s WHERE s.starelid = c.oid))
  ORDER BY 1`;

/** Gathers the statistics of the store's stale tables (STALE); resolves with their names. */
export async function refreshStatistics(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(STALE, [STORE_TABLES]);
  for (const { name } of rows) await db.query(`ANALYZE ${name}`);
  return rows.map((row) => row.name);
}

/**
 * `refreshStatistics` after writes, at most once per `everyMs` and in the background: `wrote()`
 * returns at once; a failure is logged (its message only), never thrown into a request.
 */
export function statisticsKeeper(db: Queryable, everyMs = 60_000) {
  let checkedAt = Number.NEGATIVE_INFINITY;
  let running = Promise.resolve();
  return {
    wrote() {
      const now = Date.now();
      if (now - checkedAt < everyMs) return;
      checkedAt = now;
      running = running
        .then(() => refreshStatistics(db))
        .then(
          () => undefined,
          (error) => console.error(`[npskit] statistics: ${error instanceof Error ? error.message : String(error)}`),
        );
    },
    /** Resolves once no refresh runs: before the database is closed. */
    settled: () => running,
  };
}
