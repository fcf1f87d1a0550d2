// The first import into an empty store, loaded the way a database restore is: the rows first, then
// the indexes and everything kept from the rows (counts, latest answers), each built once from all
// of them instead of row by row, in one transaction, so an interrupted load leaves the store as
// empty as it found it.
import type { Db, Queryable } from "./db.js";
import { KEEP_ALL } from "./migrations.js";

/** The responses and every table kept from them. */
const TABLES = [
  "responses",
  "response_counts",
  "display_counts",
  "response_attribute_keys",
  "latest_answers",
  "latest_values",
  "value_totals",
  "latest_pending",
];

/** PostgreSQL's "insufficient privilege" (SQLSTATE 42501). */
const notAllowed = (error: unknown) => (error as { code?: unknown } | null)?.code === "42501";

/**
 * Runs `load`, which stores responses through the transaction it is given, as a bulk load when the
 * store holds no response: the secondary indexes and the responses' triggers are off meanwhile
 * (the primary keys stay, for the upsert), then KEEP_ALL fills the kept tables and the indexes are
 * built again. Writers wait until it is done. Resolves with false, having called nothing, when the
 * store is not empty or the database user may not change its tables (not their owner).
 */
export async function bulkLoad(db: Db, load: (tx: Queryable) => Promise<void>): Promise<boolean> {
  let loading = false;
  try {
    return await db.transaction(async (tx) => {
      // Locked before looking, so no answer arrives between the look and the end.
      await tx.query(`LOCK TABLE ${TABLES.join(", ")} IN ACCESS EXCLUSIVE MODE`);
      const { rows } = await tx.query<{ empty: boolean }>("SELECT NOT EXISTS (SELECT 1 FROM responses) AS empty");
      if (!rows[0]?.empty) return false;
      // New files: a table filled in the transaction that emptied it is written without the
      // write-ahead log where the server allows (wal_level=minimal).
      await tx.query(`TRUNCATE ${TABLES.join(", ")}`);
      const { rows: indexes } = await tx.query<{ name: string; definition: string }>(
        `SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS definition FROM pg_index
         WHERE indrelid = ANY($1::regclass[]) AND NOT indisprimary AND NOT indisunique`,
        [TABLES],
      );
      for (const { name } of indexes) await tx.query(`DROP INDEX ${name}`);
      await tx.query("ALTER TABLE responses DISABLE TRIGGER USER");
      loading = true;
      await load(tx);
      // The sorts of the kept tables and of the index builds, in memory where they fit.
      await tx.query("SET LOCAL work_mem = '64MB'");
      await tx.query("SET LOCAL maintenance_work_mem = '256MB'");
      for (const statement of KEEP_ALL) await tx.query(statement);
      for (const { definition } of indexes) await tx.query(definition);
      await tx.query("ALTER TABLE responses ENABLE TRIGGER USER");
      return true;
    });
  } catch (error) {
    if (!loading && notAllowed(error)) return false;
    throw error;
  }
}
