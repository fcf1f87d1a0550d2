// Storage behind one tiny interface so the same SQL runs on embedded PostgreSQL (PGlite, a
// data directory, nothing to install) and on a PostgreSQL server (`DATABASE_URL`).
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

/** Where SQL statements run: the database, or one transaction of it. */
export interface Queryable {
  /** One SQL statement with `$1…` parameters. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<{ rows: Row[] }>;
}

export interface Db extends Queryable {
  /**
   * Runs `work` in one transaction on one connection: committed when it resolves, rolled back
   * when it throws. Other statements of this Db wait for it on the embedded database.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface PgliteOptions {
  /**
   * For a process that loads history into the store and nothing else: the write-ahead log keeps
   * only what crash recovery needs (`wal_level=minimal`), so a table filled in the transaction
   * that emptied it is written once instead of twice (see bulk-load.ts).
   */
  bulkLoading?: boolean;
}

/** Embedded PostgreSQL in `dataDir` (created if missing); in memory when `dataDir` is omitted. */
export async function openPglite(dataDir?: string, { bulkLoading = false }: PgliteOptions = {}): Promise<Db> {
  const minimalWal = ["-c", "wal_level=minimal", "-c", "max_wal_senders=0"];
  const db = new PGlite(dataDir, bulkLoading ? { startParams: [...PGlite.defaultStartParams, ...minimalWal] } : {});
  await db.waitReady;
  const on = (target: Pick<PGlite, "query">): Queryable => ({
    query: async <Row>(sql: string, params: readonly unknown[] = []) => ({
      rows: (await target.query<Row>(sql, [...params])).rows,
    }),
  });
  return {
    ...on(db),
    transaction: (work) => db.transaction((tx) => work(on(tx))),
    close: () => db.close(),
  };
}

/** A PostgreSQL server, through a connection pool. */
export async function openPostgres(connectionString: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle connection dropped by the server (restart, failover) is an event, not a crash: the pool
  // reconnects on the next query.
  pool.on("error", (error) => console.error(`[npskit] PostgreSQL connection lost: ${error.message}`));
  // Fail at start-up, not on the first response, when the server is unreachable.
  await pool.query("SELECT 1").catch(async (error: unknown) => {
    await pool.end();
    throw error;
  });
  const on = (target: Pick<pg.Pool, "query">): Queryable => ({
    query: async <Row>(sql: string, params: readonly unknown[] = []) => ({
      rows: (await target.query(sql, [...params])).rows as Row[],
    }),
  });
  return {
    ...on(pool),
    transaction: async (work) => {
      const client = await pool.connect();
      // A connection whose transaction could not be rolled back is closed, not reused.
      let broken: Error | undefined;
      try {
        await client.query("BEGIN");
        const result = await work(on(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch((rollback: Error) => (broken = rollback));
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
