// Storage behind one tiny interface so the same SQL runs on embedded PostgreSQL (PGlite, a
// data directory, nothing to install) and on a PostgreSQL server (`DATABASE_URL`).
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

export interface Db {
  /** One SQL statement with `$1…` parameters. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<{ rows: Row[] }>;
  close(): Promise<void>;
}

/** Embedded PostgreSQL in `dataDir` (created if missing); in memory when `dataDir` is omitted. */
export async function openPglite(dataDir?: string): Promise<Db> {
  const db = new PGlite(dataDir);
  await db.waitReady;
  return {
    query: async <Row>(sql: string, params: readonly unknown[] = []) => ({
      rows: (await db.query<Row>(sql, [...params])).rows,
    }),
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
  return {
    query: async <Row>(sql: string, params: readonly unknown[] = []) => ({
      rows: (await pool.query(sql, [...params])).rows as Row[],
    }),
    close: () => pool.end(),
  };
}
