// The first import into an empty store, loaded the way a database restore is: the rows first, then
// the indexes and everything kept from the rows (counts, latest answers), each built once from all
// of them instead of row by row, in one transaction, so an import that fails or is stopped leaves
// the store as empty as it found it.
import type { Db, Queryable } from "./db.js";
import { KEEP_ALL, LIST_ATTRIBUTE_KEYS, RESPONSE_TRIGGERS, STORE_TABLES } from "./migrations.js";

/** What a bulk load's `load` knows of what it stored. */
export interface Loaded {
  /**
   * The attribute keys of the responses it stored, [surveyId, key], each once: when given, they are
   * stored as they are instead of read from every stored answer (LIST_ATTRIBUTE_KEYS).
   */
  attributeKeys?: readonly (readonly [string, string])[];
}

const STORE_KEYS = `INSERT INTO response_attribute_keys (survey_id, key)
  SELECT DISTINCT survey_id, key FROM unnest($1::text[], $2::text[]) AS listed(survey_id, key)`;

const isEmpty = async (db: Queryable) =>
  (await db.query<{ empty: boolean }>("SELECT NOT EXISTS (SELECT 1 FROM responses) AS empty")).rows[0]?.empty === true;

/** An error the database reported (it has a SQLSTATE), as opposed to one of this program. */
const fromDatabase = (error: unknown) => typeof (error as { code?: unknown } | null)?.code === "string";

/**
 * Runs `load`, which stores responses through the transaction it is given, as a bulk load when the
 * store holds no response: the secondary indexes, the kept tables' primary keys and the triggers
 * of RESPONSE_TRIGGERS are off meanwhile (the primary key of responses stays, for the upsert),
 * then KEEP_ALL and the attribute keys fill the kept tables, the keys and indexes are built again
 * and the planner's statistics gathered. Until it commits, every other statement on these tables
 * waits (reads too: a server on the same PostgreSQL answers nothing meanwhile). Resolves with
 * false, having called nothing, when the store has answers, or when the database refuses a step
 * before the load (a user who does not own the tables, another session holding them for 5 s):
 * then the caller stores batch by batch.
 *
 * The attribute keys may differ from the triggers', harmlessly (they only narrow which attributes
 * are offered as segments): the triggers list those of every state written, replaced ones too;
 * the import's reader those of every state it reads, also one the upsert ignores; without them
 * (`load` lists none) they are read from the stored states only.
 */
export async function bulkLoad(
  db: Db,
  load: (tx: Queryable) => Promise<Loaded | undefined> | Promise<void>,
): Promise<boolean> {
  // Looked at first without a lock, so an import into a store in use never queues for one.
  if (!(await isEmpty(db))) return false;
  let loading = false;
  try {
    return await db.transaction(async (tx) => {
      await tx.query("SET LOCAL lock_timeout = '5s'");
      await tx.query(`LOCK TABLE ${STORE_TABLES.join(", ")} IN ACCESS EXCLUSIVE MODE`);
      // Again under the lock: an answer may have arrived meanwhile.
      if (!(await isEmpty(tx))) return false;
      // New files: a table filled in the transaction that emptied it is written without the
      // write-ahead log where the server allows (wal_level=minimal).
      await tx.query(`TRUNCATE ${STORE_TABLES.join(", ")}`);
      const { rows: indexes } = await tx.query<{ name: string; definition: string }>(
        `SELECT indexrelid::regclass::text AS name, pg_get_indexdef(indexrelid) AS definition FROM pg_index
         WHERE indrelid = ANY($1::regclass[]) AND NOT indisprimary AND NOT indisunique
           AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conindid = indexrelid)`,
        [STORE_TABLES],
      );
      for (const { name } of indexes) await tx.query(`DROP INDEX ${name}`);
      // The kept tables' primary keys too: built once from their rows, not entry by entry as
      // KEEP_ALL fills them (responses keeps its own, which the upsert and ANY_STORED use).
      const { rows: keys } = await tx.query<{ table: string; name: string; definition: string }>(
        `SELECT conrelid::regclass::text AS table, quote_ident(conname) AS name, pg_get_constraintdef(oid) AS definition
         FROM pg_constraint WHERE conrelid = ANY($1::regclass[]) AND contype = 'p'`,
        [STORE_TABLES.filter((table) => table !== "responses")],
      );
      for (const { table, name } of keys) await tx.query(`ALTER TABLE ${table} DROP CONSTRAINT ${name}`);
      for (const name of RESPONSE_TRIGGERS) await tx.query(`ALTER TABLE responses DISABLE TRIGGER ${name}`);
      loading = true;
      const { attributeKeys } = (await load(tx)) ?? {};
      // The sorts of the kept tables and of the index builds, in memory where they fit.
      await tx.query("SET LOCAL work_mem = '256MB'");
      await tx.query("SET LOCAL maintenance_work_mem = '256MB'");
      for (const statement of KEEP_ALL) await tx.query(statement);
      if (attributeKeys)
        await tx.query(STORE_KEYS, [attributeKeys.map(([survey]) => survey), attributeKeys.map(([, key]) => key)]);
      else await tx.query(LIST_ATTRIBUTE_KEYS);
      for (const { table, name, definition } of keys)
        await tx.query(`ALTER TABLE ${table} ADD CONSTRAINT ${name} ${definition}`);
      for (const { definition } of indexes) await tx.query(definition);
      for (const name of RESPONSE_TRIGGERS) await tx.query(`ALTER TABLE responses ENABLE TRIGGER ${name}`);
      // Statistics for the planner, gathered before the commit: the rows are still this
      // transaction's own, so reading them marks no page (after it, each page read is written back once).
      await tx.query(`ANALYZE ${STORE_TABLES.join(", ")}`);
      return true;
    });
  } catch (error) {
    // Before the load, the rollback restored everything: store batch by batch instead.
    if (!loading && fromDatabase(error)) return false;
    throw error;
  }
}
